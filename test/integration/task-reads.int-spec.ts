import { Prisma, type TaskStatus } from '@prisma/client';
import { PrismaService } from '#libs/core';
import { HistoryService } from '#libs/history';
import { SweepService } from '#libs/escalation';
import { TaskRepository } from '#libs/tasks';
import { createTestApi, loginAs, type AuthHeaders, type TestApi } from '../support/test-app.js';

/*
 * The hot task reads are raw SQL (they run on every task view and list). They must return exactly
 * what Prisma's model API returns for the same rows: each case reads through both and compares.
 */
const TODAY = '2026-11-26';

describe('task reads: raw SQL equals the model API', () => {
  let t: TestApi;
  let prisma: PrismaService;
  let tasks: TaskRepository;
  const as: Record<string, AuthHeaders> = {};
  const person: Record<string, string> = {};
  let overdueId: string;
  let plainId: string;

  beforeAll(async () => {
    t = await createTestApi({ now: '2026-11-26T02:00:00.000Z', jobs: false });
    prisma = t.app.get(PrismaService);
    tasks = t.app.get(TaskRepository);
    for (const u of ['chief', 'deputy', 'officer1']) as[u] = await loginAs(t, u);
    for (const r of await t.db.sql('SELECT p.id, u.username FROM person p JOIN app_user u ON u.person_id = p.id')) person[r.username] = r.id;
    const [officerPost] = await t.db.sql(`SELECT id FROM post WHERE code = 'officer-1'`);
    const create = async (title: string, assignedOn: string) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/tasks',
        headers: as.chief,
        payload: { postId: officerPost.id, title, assignedOn, deadlineRule: { kind: 'WORKDAYS_AFTER', days: 5 } },
      });
      expect(res.statusCode).toBe(201);
      return res.json().id as string;
    };
    overdueId = await create('逾期任务：补充耕地核查', '2026-11-13');
    plainId = await create('一般任务：规划条件核实', '2026-11-26');
    // Escalations, an extension request and an attachment on the overdue one.
    await t.app.get(SweepService).sweep();
    const ext = await t.app.inject({
      method: 'POST',
      url: `/api/tasks/${overdueId}/extension-requests`,
      headers: as.officer1,
      payload: { reason: '需补充调研', newDueDate: '2026-12-15' },
    });
    expect(ext.statusCode).toBe(201);
    // An earlier request already decided, and one escalation acknowledged.
    await t.db.sql(
      `INSERT INTO extension_request (task_id, requested_by, reason, new_due_date, status, decided_by, decided_at, decision_note, created_at)
       SELECT $1, p.id, '首次申请', '2026-12-01', 'REJECTED', p.id, '2026-11-20T03:04:05.678Z', '理由不足', '2026-11-19T01:00:00.123Z'
         FROM person p JOIN app_user u ON u.person_id = p.id WHERE u.username = 'officer1'`,
      [overdueId],
    );
    await t.db.sql(
      `UPDATE escalation SET acknowledged_at = '2026-11-25T08:00:00.456Z', acknowledged_by = p.id
         FROM person p JOIN app_user u ON u.person_id = p.id
        WHERE u.username = 'deputy' AND escalation.task_id = $1 AND escalation.level = 1`,
      [overdueId],
    );
    await t.db.sql(
      `INSERT INTO task_attachment (task_id, file_name, storage_key, mime_type, size, sha256, created_by)
       SELECT $1, '交办通知.pdf', 'k/' || g, 'application/pdf', 1234567 * g, repeat('a', 64), u.id
         FROM generate_series(1, 2) g, app_user u WHERE u.username = 'chief'`,
      [overdueId],
    );
    // A task with no review steps at all (NULL array), as older rows may have.
    await t.db.sql(`UPDATE task SET review_steps = NULL, required_evidence = NULL WHERE id = $1`, [plainId]).catch(() => undefined);
  });
  afterAll(() => t.close());

  it.each(['overdue', 'plain'])('findDetail of the %s task', async (which) => {
    const id = which === 'overdue' ? overdueId : plainId;
    const expected = await prisma.task.findUnique({
      where: { id },
      include: {
        extensionRequests: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
        escalations: { orderBy: [{ cycle: 'asc' }, { level: 'asc' }] },
        attachments: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
      },
    });
    const actual = await tasks.findDetail(id);
    expect(actual).toEqual(expected);
    if (which === 'overdue') {
      // Every converted field present with a value at least once: decided, acknowledged, int8.
      expect(actual!.escalations.length).toBeGreaterThan(1);
      expect(actual!.escalations.some((e) => e.acknowledgedAt instanceof Date)).toBe(true);
      expect(actual!.extensionRequests.map((r) => r.decidedAt instanceof Date)).toEqual([true, false]);
      expect(actual!.attachments.map((a) => a.size).sort()).toEqual([1234567n, 2469134n]);
    }
  });

  it('findDetail of a missing task', async () => {
    expect(await tasks.findDetail('00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it.each(['overdue', 'plain'])('findRecord of the %s task, in and out of a transaction', async (which) => {
    const id = which === 'overdue' ? overdueId : plainId;
    const task = await prisma.task.findUniqueOrThrow({ where: { id } });
    const unit = await prisma.unit.findUniqueOrThrow({ where: { id: task.unitId } });
    const expected = {
      id: task.id,
      kind: task.kind,
      unitId: task.unitId,
      orgId: unit.orgId,
      status: task.status,
      reviewSteps: task.reviewSteps,
      reviewIndex: task.reviewIndex,
      version: task.version,
      assigneePersonId: task.assigneePersonId,
      actingForPersonId: task.actingForPersonId,
      assignedById: task.assignedById,
      dueDate: task.dueDate,
      dueAt: task.dueAt,
      requiredEvidence: task.requiredEvidence,
      escalationCycle: task.escalationCycle,
      bureauLeaderPersonId: null,
      extensionPending: (await prisma.extensionRequest.count({ where: { taskId: id, status: 'PENDING' } })) > 0,
      chain: await Promise.all(
        (await tasks.chainOf(task.postId)).map(async (p) => ({
          ...p,
          holders: (await prisma.postAssignment.findMany({ where: { postId: p.id, startDate: { lte: new Date(TODAY) } } })).map((a) => a.personId),
        })),
      ),
    };
    expect(expected.chain.map((p) => p.kind)).toEqual(['OFFICER', 'DEPUTY', 'CHIEF']);
    expect(expected.chain.every((p) => p.holders.length === 1)).toBe(true);
    // The overdue task has a pending extension request, the plain one none (see beforeAll).
    expect(expected.extensionPending).toBe(which === 'overdue');
    expect(await tasks.findRecord(id, TODAY)).toEqual(expected);
    expect(await prisma.$transaction((tx) => tasks.findRecord(id, TODAY, tx))).toEqual(expected);
    // Before anyone held the posts: the same chain, nobody in it.
    expect((await tasks.findRecord(id, '2025-12-31'))!.chain.map((p) => p.holders)).toEqual([[], [], []]);
    expect(await tasks.findRecord('00000000-0000-4000-8000-000000000000', TODAY)).toBeNull();
  });

  it('a stream of history events', async () => {
    const stream = `task:${overdueId}`;
    const expected = await prisma.historyEvent.findMany({ where: { stream }, orderBy: { seq: 'asc' } });
    expect(expected.length).toBeGreaterThan(3);
    const exported = await t.app.get(HistoryService).exportStream(stream);
    expect(exported.map((e) => e.hash)).toEqual(expected.map((e) => e.hash));
    expect(exported.map((e) => e.id)).toEqual(expected.map((e) => e.id.toString()));
    expect(exported.map((e) => e.at)).toEqual(expected.map((e) => e.at.toISOString()));
    expect(exported.map((e) => e.data)).toEqual(expected.map((e) => e.data));
  });

  it('a stream of history events with who acted, by name', async () => {
    const history = t.app.get(HistoryService);
    const stream = `task:${overdueId}`;
    const named = await history.listStreamWithActorNames(stream);
    expect(named.map(({ actorPersonName: _p, actorUserName: _u, ...e }) => e)).toEqual(await history.listStream(stream));
    const names = Object.fromEntries(
      (await t.db.sql('SELECT p.id, p.name, u.id AS user_id FROM person p JOIN app_user u ON u.person_id = p.id')).flatMap((r) => [[r.id, r.name], [r.user_id, r.name]]),
    );
    // The chief created it, the sweep (no actor) raised levels, the officer asked for more time.
    expect(named.map((e) => e.type)).toEqual(expect.arrayContaining(['task.created', 'escalation.raised', 'extension.requested']));
    for (const e of named) {
      expect(e.actorPersonName).toBe(e.actorPersonId ? names[e.actorPersonId] : null);
      expect(e.actorUserName).toBe(e.actorUserId ? names[e.actorUserId] : null);
    }
    expect(named.find((e) => e.type === 'task.created')!.actorPersonName).toBe(names[person.chief!]);
  });

  // The list's filters against the model API's equivalent where clause.
  const OPEN: TaskStatus[] = ['ISSUED', 'ACCEPTED', 'IN_PROGRESS', 'SUBMITTED', 'REVIEWED'];
  it.each<[string, Record<string, unknown>, (ids: { officer1: string }) => Prisma.TaskWhereInput]>([
    ['mine, open', { mine: true, status: OPEN }, (p) => ({ assigneePersonId: p.officer1, status: { in: OPEN } })],
    ['overdue', { overdue: true }, () => ({ status: { in: OPEN }, dueAt: { lte: new Date('2026-11-26T02:00:00.000Z') } })],
    ['due in a range', { dueFrom: new Date('2026-11-20'), dueTo: new Date('2026-12-31') }, () => ({ dueDate: { gte: new Date('2026-11-20'), lte: new Date('2026-12-31') } })],
    ['nothing matches', { status: ['CANCELLED'] }, () => ({ status: { in: ['CANCELLED'] } })],
  ])('list: %s', async (_name, filter, where) => {
    const expected = await prisma.task.findMany({ where: where({ officer1: person.officer1! }), orderBy: [{ dueAt: 'desc' }, { id: 'asc' }] });
    const page = { page: 1, pageSize: 20, sort: 'dueAt' as const, order: 'desc' as const };
    const actual = await tasks.list({ all: true }, filter, page, new Date('2026-11-26T02:00:00.000Z'), person.officer1!);
    expect(actual.total).toBe(expected.length);
    expect(actual.items.map((i) => i.id)).toEqual(expected.map((e) => e.id));
    expect(actual.items.map((i) => [i.reviewSteps, i.dueDate, i.dueAt])).toEqual(
      expected.map((e) => [e.reviewSteps, e.dueDate.toISOString().slice(0, 10), e.dueAt.toISOString()]),
    );
  });

  it('list: visibility by unit, post or assignee; an account with no person has no "mine"', async () => {
    const [unit] = await t.db.sql(`SELECT id FROM unit WHERE name = '国土空间规划科'`);
    const page = { page: 1, pageSize: 50, sort: 'createdAt' as const, order: 'asc' as const };
    const now = new Date('2026-11-26T02:00:00.000Z');
    expect((await tasks.list({ all: false, unitIds: [unit.id], postIds: [], personId: null }, {}, page, now, null)).total).toBe(2);
    expect((await tasks.list({ all: false, unitIds: [], postIds: [], personId: person.officer1 }, {}, page, now, null)).total).toBe(2);
    expect((await tasks.list({ all: false, unitIds: [], postIds: [], personId: null }, {}, page, now, null)).total).toBe(0);
    expect((await tasks.list({ all: true }, { mine: true }, page, now, null)).total).toBe(0);
  });
});
