import { Injectable } from '@nestjs/common';
import { Prisma, type TaskStatus } from '@prisma/client';
import { camelRows, jsonRows, PrismaService, type SqlTx, type Tx } from '#libs/core';
import type { ChainPost, Page, StaffedChainPost, TaskFilter, TaskRecord, TaskSummary, TaskVisibility } from './task.types.js';

const OPEN: TaskStatus[] = ['ISSUED', 'ACCEPTED', 'IN_PROGRESS', 'SUBMITTED', 'REVIEWED'];
const REVIEWING: TaskStatus[] = ['SUBMITTED', 'REVIEWED'];
type RecordRow = Omit<TaskRecord, 'chain'> & { chain: StaffedChainPost[] | null };
const chainSelect = { id: true, unitId: true, kind: true, reportsToId: true } as const;

type TaskRow = Prisma.TaskGetPayload<object>;
export type TaskDetail = Prisma.TaskGetPayload<{ include: { extensionRequests: true; escalations: true; attachments: true } }>;
/**
 * Every column of `task`, for reads that return the model object without Prisma's model API (whose
 * query compiler cost more CPU than the database on the hot reads). The enum array is read as
 * text[] to arrive as an array, and NULL lists as empty ones (as Prisma returns them); a test
 * compares the result with Prisma's findUnique.
 */
const TASK_COLUMNS = Prisma.raw(
  ['id', 'kind', 'unit_id', 'post_id', 'assignee_person_id', 'acting_for_person_id', 'work_item_id', 'schedule_id', 'occurrence_date',
   'title', 'description', 'status', 'review_steps', 'review_index', 'assigned_by_id', 'assigned_by_post_id', 'assigned_on', 'issued_at',
   'late_issued', 'deadline_rule', 'due_date', 'due_at', 'deadline_provisional', 'deadline_explanation', 'checklist', 'required_evidence',
   'return_reason', 'cancel_reason', 'accepted_at', 'submitted_at', 'completed_at', 'cancelled_at', 'next_escalation_at',
   'escalation_level', 'escalation_cycle', 'version', 'created_at', 'updated_at']
    .map((c) => (c === 'review_steps' ? `COALESCE(t.review_steps::text[], '{}') AS review_steps` : c === 'required_evidence' ? `COALESCE(t.required_evidence, '{}') AS required_evidence` : `t.${c}`))
    .join(', '),
);
/**
 * A list entry's columns, already in the summary's shape: the dates as the API writes them (the
 * due instant as an ISO string in UTC, as Date.toISOString writes it), so a page of rows is not
 * parsed into Dates only to be printed again.
 */
const SUMMARY_COLUMNS = Prisma.raw(
  `t.id, t.kind::text AS kind, t.title, t.status::text AS status, t.unit_id AS "unitId", t.post_id AS "postId",
   t.assignee_person_id AS "assigneePersonId", t.acting_for_person_id AS "actingForPersonId",
   t.work_item_id AS "workItemId", t.schedule_id AS "scheduleId",
   to_char(t.due_date, 'YYYY-MM-DD') AS "dueDate",
   to_char(t.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "dueAt",
   t.deadline_provisional AS "deadlineProvisional", t.late_issued AS "lateIssued", t.escalation_level AS "escalationLevel",
   COALESCE(t.review_steps::text[], '{}') AS "reviewSteps", t.review_index AS "reviewIndex", t.return_reason AS "returnReason"`,
);
const SORT_COLUMNS = { dueAt: Prisma.raw('t.due_at'), createdAt: Prisma.raw('t.created_at'), updatedAt: Prisma.raw('t.updated_at') } as const;

@Injectable()
export class TaskRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction((tx) => fn(tx));
  }

  /**
   * The task with its organisation and post chain (own post → deputy → chief), each post with the
   * people holding it on `today` (substantive or acting), the organisation's bureau leader and
   * whether an extension request waits: what access, review and separation-of-duties decisions
   * need. Every task read and transition starts here, so it is one statement.
   */
  async findRecord(id: string, today: string, tx: SqlTx = this.prisma.direct): Promise<TaskRecord | null> {
    const [row] = await tx.$queryRaw<RecordRow[]>`
      SELECT ${recordColumns(today)} FROM task t JOIN unit u ON u.id = t.unit_id WHERE t.id = ${id}::uuid`;
    return row ? { ...row, chain: row.chain ?? [] } : null;
  }

  /**
   * Tasks waiting for a review step — and with `extensions`, open tasks whose extension request
   * waits for a decision — as records (see findRecord): in a unit, or wherever a person might take
   * the step — units where they hold a deputy or chief post today (neither step ever reaches an
   * officer post), and every unit of an organisation whose bureau leader they are. Whether each is
   * really theirs is the separation-of-duties rule's to say.
   */
  async pendingStepRecords(scope: { unitId: string } | { personId: string }, today: string, extensions = false): Promise<TaskRecord[]> {
    const where =
      'unitId' in scope
        ? Prisma.sql`t.unit_id = ${scope.unitId}::uuid`
        : Prisma.sql`(t.unit_id IN (SELECT p.unit_id FROM post_assignment pa JOIN post p ON p.id = pa.post_id
                                     WHERE pa.person_id = ${scope.personId}::uuid AND p.kind <> 'OFFICER' AND pa.start_date <= ${today}::date
                                       AND (pa.end_date IS NULL OR pa.end_date >= ${today}::date))
                      OR u.org_id IN (SELECT o.id FROM organisation o WHERE o.bureau_leader_person_id = ${scope.personId}::uuid))`;
    const rows = await this.prisma.direct.$queryRaw<RecordRow[]>`
      SELECT ${recordColumns(today)} FROM task t JOIN unit u ON u.id = t.unit_id
       WHERE (t.status = ANY(${REVIEWING}::task_status[])
              OR (${extensions} AND t.status = ANY(${OPEN}::task_status[])
                  AND EXISTS (SELECT 1 FROM extension_request e WHERE e.task_id = t.id AND e.status = 'PENDING')))
         AND ${where}
       ORDER BY t.due_at, t.id`;
    return rows.map((row) => ({ ...row, chain: row.chain ?? [] }));
  }

  /**
   * The post and those it reports to, nearest first, in one query (see chainFrom).
   */
  chainOf(postId: string, tx: Tx = this.prisma): Promise<ChainPost[]> {
    return tx.$queryRaw<ChainPost[]>`
      WITH RECURSIVE ${chainFrom(Prisma.sql`${postId}::uuid`)}
      SELECT id::text AS id, unit_id::text AS "unitId", kind::text AS kind, reports_to_id::text AS "reportsToId"
        FROM chain ORDER BY depth`;
  }

  findPostWithOrg(postId: string) {
    return this.prisma.post.findUnique({
      where: { id: postId },
      select: { ...chainSelect, retiredAt: true, unit: { select: { orgId: true, org: { select: { deadlineCutoff: true } } } } },
    });
  }

  findWorkItem(id: string) {
    return this.prisma.workItem.findUnique({
      where: { id },
      select: { id: true, postId: true, retiredAt: true, requiredEvidence: true, responsibilities: { where: { retiredAt: null }, select: { type: true } } },
    });
  }

  async create(tx: Tx, data: Prisma.TaskUncheckedCreateInput): Promise<{ id: string }> {
    return tx.task.create({ data, select: { id: true } });
  }

  /** Applies a transition only if nobody changed the task since it was read; false when someone did. */
  async updateIfVersion(tx: Tx, id: string, version: number, data: Prisma.TaskUncheckedUpdateManyInput): Promise<boolean> {
    const { count } = await tx.task.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
    return count === 1;
  }

  /** Evidence kinds present on the task (corrections count once: superseded items are replaced, not removed). */
  async evidenceKinds(tx: Tx, taskId: string): Promise<Set<string>> {
    const rows = await tx.evidence.findMany({ where: { taskId }, select: { kind: true }, distinct: ['kind'] });
    return new Set(rows.map((r) => r.kind));
  }

  async list(
    visibility: TaskVisibility,
    filter: TaskFilter,
    page: Page,
    now: Date,
    personId: string | null,
  ): Promise<{ items: TaskSummary[]; total: number }> {
    const where = Prisma.join([visible(visibility), ...filtered(filter, personId, now)], ' AND ');
    const order = page.order === 'desc' ? Prisma.raw('DESC') : Prisma.raw('ASC');
    const [rows, [count]] = await Promise.all([
      this.prisma.direct.$queryRaw<TaskSummary[]>`
        SELECT ${SUMMARY_COLUMNS} FROM task t WHERE ${where}
         ORDER BY ${SORT_COLUMNS[page.sort]} ${order}, t.id
         LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}`,
      this.prisma.direct.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM task t WHERE ${where}`,
    ]);
    return { items: rows, total: count!.n };
  }

  /**
   * The task with its extension requests, escalations and 交办附件, in one statement (every task
   * view reads it): the related rows travel as JSON arrays and are turned back into the model's
   * types (instants and dates as Date, int8 as bigint), as the model API would return them.
   */
  async findDetail(id: string): Promise<TaskDetail | null> {
    const [row] = await this.prisma.direct.$queryRaw<Record<string, unknown>[]>`
      SELECT ${TASK_COLUMNS},
             (SELECT json_agg(e ORDER BY e.created_at, e.id) FROM extension_request e WHERE e.task_id = t.id) AS extension_requests,
             (SELECT json_agg(e ORDER BY e.cycle, e.level) FROM escalation e WHERE e.task_id = t.id) AS escalations,
             (SELECT json_agg(a ORDER BY a.created_at, a.id) FROM task_attachment a WHERE a.task_id = t.id) AS attachments
        FROM task t WHERE t.id = ${id}::uuid`;
    if (!row) return null;
    const [task] = camelRows<TaskRow & { extensionRequests: unknown; escalations: unknown; attachments: unknown }>([row]);
    return {
      ...task!,
      extensionRequests: jsonRows(task!.extensionRequests, { dates: ['newDueDate', 'decidedAt', 'createdAt'] }),
      escalations: jsonRows(task!.escalations, { dates: ['dueAt', 'createdAt', 'acknowledgedAt'] }),
      attachments: jsonRows(task!.attachments, { dates: ['createdAt'], bigints: ['size'] }),
    };
  }

  /** Open tasks of the posts with their current routing (to re-route on absence or holder change). */
  openTasksOfPosts(postIds: string[], tx: Tx = this.prisma) {
    return tx.task.findMany({
      where: { postId: { in: postIds }, status: { in: OPEN } },
      select: { id: true, postId: true, assigneePersonId: true, actingForPersonId: true, version: true },
    });
  }

  /**
   * Open tasks a calendar change may affect: rule-based deadlines over the changed dates (not those
   * set by an approved extension, cycle > 0), and every provisional deadline.
   */
  async openRuleDeadlines(orgId: string, from: Date, to: Date) {
    const spans = { dueDate: { gte: from } };
    return this.prisma.task.findMany({
      where: {
        status: { in: OPEN },
        unitId: { in: await this.unitIdsOfOrg(orgId) },
        OR: [
          { deadlineProvisional: true },
          {
            deadlineRule: { not: Prisma.AnyNull },
            escalationCycle: 0,
            OR: [{ assignedOn: { lte: to }, ...spans }, { occurrenceDate: { lte: to }, ...spans }],
          },
        ],
      },
      select: { id: true, deadlineRule: true, escalationCycle: true, assignedOn: true, occurrenceDate: true, dueDate: true, dueAt: true, deadlineProvisional: true, deadlineExplanation: true },
    });
  }

  async cutoffOfOrg(orgId: string): Promise<string> {
    return (await this.prisma.organisation.findUniqueOrThrow({ where: { id: orgId }, select: { deadlineCutoff: true } })).deadlineCutoff;
  }

  unitIdsOfOrg(orgId: string) {
    return this.prisma.unit.findMany({ where: { orgId }, select: { id: true } }).then((u) => u.map((x) => x.id));
  }

  async moveDeadline(tx: Tx, id: string, data: { dueDate: Date; dueAt: Date; provisional: boolean; explanation: string; now: Date }): Promise<void> {
    await tx.task.update({
      where: { id },
      data: {
        dueDate: data.dueDate,
        dueAt: data.dueAt,
        deadlineProvisional: data.provisional,
        deadlineExplanation: data.explanation,
        // Let the sweep re-evaluate the ladder against the new deadline at once.
        nextEscalationAt: data.now,
        version: { increment: 1 },
      },
    });
  }

  /** Open tasks whose deadline is only provisional (a year without a loaded schedule), for /health. */
  openProvisional(limit: number) {
    return Promise.all([
      this.prisma.task.count({ where: { status: { in: OPEN }, deadlineProvisional: true } }),
      this.prisma.task.findMany({ where: { status: { in: OPEN }, deadlineProvisional: true }, select: { id: true }, take: limit, orderBy: { dueAt: 'asc' } }),
    ]);
  }

  async reassign(tx: Tx, id: string, route: { assigneePersonId: string | null; actingForPersonId: string | null }): Promise<void> {
    await tx.task.update({ where: { id }, data: { ...route, version: { increment: 1 } } });
  }

}

/**
 * The CTE `chain`: the post `start` selects and those it reports to, with their depth (1 = the post).
 * Chains are three deep (officer → deputy → chief); the bound guards against a cycle in bad data.
 */
function chainFrom(start: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`chain AS (
    SELECT p.id, p.unit_id, p.kind, p.reports_to_id, 1 AS depth FROM post p WHERE p.id = (${start})
    UNION ALL
    SELECT p.id, p.unit_id, p.kind, p.reports_to_id, c.depth + 1
      FROM chain c JOIN post p ON p.id = c.reports_to_id
     WHERE c.depth < 5
  )`;
}

/**
 * A TaskRecord's columns over `task t JOIN unit u`: the task with its organisation, its post chain
 * (own post → deputy → chief) with the people holding each post on `today` (substantive or acting),
 * the organisation's bureau leader and whether an extension request waits — what access, review
 * and separation-of-duties decisions need, in one statement (the holders are correlated subqueries
 * of it, not another round trip: ~0.07 ms a task view on the bench data).
 */
function recordColumns(today: string): Prisma.Sql {
  return Prisma.sql`t.id::text AS id, t.kind::text AS kind, t.unit_id::text AS "unitId", u.org_id::text AS "orgId", t.status::text AS status,
    COALESCE(t.review_steps::text[], '{}') AS "reviewSteps", t.review_index AS "reviewIndex", t.version,
    t.assignee_person_id::text AS "assigneePersonId", t.acting_for_person_id::text AS "actingForPersonId",
    t.assigned_by_id::text AS "assignedById", t.due_date AS "dueDate", t.due_at AS "dueAt",
    COALESCE(t.required_evidence, '{}') AS "requiredEvidence", t.escalation_cycle AS "escalationCycle",
    (SELECT o.bureau_leader_person_id::text FROM organisation o WHERE o.id = u.org_id) AS "bureauLeaderPersonId",
    -- The one-pending-per-task index answers this.
    EXISTS (SELECT 1 FROM extension_request e WHERE e.task_id = t.id AND e.status = 'PENDING') AS "extensionPending",
    (WITH RECURSIVE ${chainFrom(Prisma.sql`t.post_id`)}
     SELECT json_agg(json_build_object('id', c.id, 'unitId', c.unit_id, 'kind', c.kind, 'reportsToId', c.reports_to_id,
                                       'holders', ${holdersOf(Prisma.sql`c.id`, today)}) ORDER BY c.depth)
       FROM chain c) AS chain`;
}

/** The people holding `post` on `day` (substantive and acting), as a JSON array of ids. */
function holdersOf(post: Prisma.Sql, day: string): Prisma.Sql {
  return Prisma.sql`(SELECT COALESCE(json_agg(DISTINCT pa.person_id), '[]'::json) FROM post_assignment pa
                      WHERE pa.post_id = ${post} AND pa.start_date <= ${day}::date AND (pa.end_date IS NULL OR pa.end_date >= ${day}::date))`;
}

/** Who may see which tasks, as a condition on `task t`. */
function visible(v: TaskVisibility): Prisma.Sql {
  if (v.all) return Prisma.sql`TRUE`;
  const or = [Prisma.sql`t.unit_id = ANY(${v.unitIds}::uuid[])`, Prisma.sql`t.post_id = ANY(${v.postIds}::uuid[])`];
  if (v.personId) or.push(Prisma.sql`t.assignee_person_id = ${v.personId}::uuid`);
  return Prisma.sql`(${Prisma.join(or, ' OR ')})`;
}

/** The list's filters as conditions on `task t`; statuses compare as the enum so the open-task indexes apply. */
function filtered(f: TaskFilter, personId: string | null, now: Date): Prisma.Sql[] {
  const and: Prisma.Sql[] = [];
  // "Mine" for someone who is no person (a pure admin account) is nothing.
  if (f.mine) and.push(personId ? Prisma.sql`t.assignee_person_id = ${personId}::uuid` : Prisma.sql`FALSE`);
  if (f.postId) and.push(Prisma.sql`t.post_id = ${f.postId}::uuid`);
  if (f.unitId) and.push(Prisma.sql`t.unit_id = ${f.unitId}::uuid`);
  if (f.status?.length) and.push(Prisma.sql`t.status = ANY(${f.status}::task_status[])`);
  if (f.dueFrom) and.push(Prisma.sql`t.due_date >= ${f.dueFrom}::date`);
  if (f.dueTo) and.push(Prisma.sql`t.due_date <= ${f.dueTo}::date`);
  if (f.overdue) and.push(Prisma.sql`t.status = ANY(${OPEN}::task_status[]) AND t.due_at <= ${now}`);
  if (f.workItemId) and.push(Prisma.sql`t.work_item_id = ${f.workItemId}::uuid`);
  if (f.scheduleId) and.push(Prisma.sql`t.schedule_id = ${f.scheduleId}::uuid`);
  return and;
}

export { OPEN as OPEN_STATUSES };
