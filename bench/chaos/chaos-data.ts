import pg from 'pg';

/**
 * The organisation and the tasks of a chaos run, written with SQL, and the escalation levels they
 * must reach — derived here from how the data was built, not by the product's ladder code:
 *
 * - `past` (60 %): due three weeks ago → all four levels of the default ladder are due
 *   (提醒 L0, 逾期 L1, 催办 L2 after 1 working day, 督办 L3 after 3; three weeks hold at least 3
 *   working days whatever the holidays);
 * - `crossing` (30 %): due today at a cut-off that falls inside the run → L0 (00:00 of the due
 *   day) and, once the cut-off passes during the run, L1; L2 is at least a working day away;
 * - `future` (10 %): due in 60 days → nothing; the sweep only moves their next look.
 *
 * Every task's first `next_escalation_at` is spread over the first seconds of the run, so the
 * sweeps run while workers are being killed.
 *
 * One more, the poison task, is written as bad data the API refuses today (due in year 1, as
 * tasks created before dates were checked may be): no level is expected of it; its sweep must
 * fail, set it aside and block nothing else. Its description is `poison`.
 */
export type TaskGroup = 'past' | 'crossing' | 'future';

export const EXPECTED_LEVELS: Record<TaskGroup, number[]> = { past: [0, 1, 2, 3], crossing: [0, 1], future: [] };

const SHANGHAI_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;
const UNITS = 20;
const OFFICERS_PER_UNIT = 4;

export interface ChaosData {
  orgId: string;
  tasks: number;
  byGroup: Record<TaskGroup, number>;
  expectedEscalations: number;
  /** When the crossing group's deadline (the organisation's cut-off today) passes. */
  crossingAt: Date;
  cutoff: string;
  /** The task with an impossible due date, due in the middle of the spread. */
  poisonTaskId: string;
}

export const POISON_DUE_DATE = '0001-01-01';

export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_MS).toISOString().slice(0, 10);
}

function shanghaiTime(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_MS).toISOString().slice(11, 16);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function isWeekend(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 || d === 6;
}

/** Group of the i-th task (0-based): 6 past, 3 crossing, 1 future in every 10. */
export function groupOf(i: number): TaskGroup {
  const r = i % 10;
  return r < 6 ? 'past' : r < 9 ? 'crossing' : 'future';
}

export async function loadChaosData(
  databaseUrl: string,
  options: { tasks: number; firstLookAt: Date; spreadMs: number; crossingAfter: Date },
): Promise<ChaosData> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // The cut-off is a whole minute; not 00:00, which would be the previous day's 24:00.
    let crossingAt = new Date(Math.ceil(options.crossingAfter.getTime() / 60_000) * 60_000);
    if (shanghaiTime(crossingAt) === '00:00') crossingAt = new Date(crossingAt.getTime() + 60_000);
    const cutoff = shanghaiTime(crossingAt);
    const crossingDue = shanghaiDate(crossingAt);
    const today = shanghaiDate(options.firstLookAt);

    await client.query('BEGIN');
    const org = await client.query<{ id: string }>(
      `INSERT INTO organisation (code, name, deadline_cutoff) VALUES ('chaos', '混沌演练局', $1) RETURNING id`,
      [cutoff],
    );
    const orgId = org.rows[0]!.id;

    // No calendar year is loaded (Monday–Friday); a weekend day of the run is made a working day
    // (调休), so quiet hours never hold e-mail whatever the day the run happens on.
    for (const date of [today, addDays(today, 1), crossingDue]) {
      if (!isWeekend(date)) continue;
      await client.query(
        `INSERT INTO calendar_day (org_id, date, workday, kind, name, source) VALUES ($1, $2, true, 'MAKEUP_WORKDAY', '演练调休', 'MANUAL')
         ON CONFLICT DO NOTHING`,
        [orgId, date],
      );
    }

    // 20 sections, each chief ← deputy ← 4 officers, every post held by a person with an address.
    const officerPosts: { postId: string; unitId: string; personId: string }[] = [];
    for (let u = 1; u <= UNITS; u++) {
      const unit = await client.query<{ id: string }>(`INSERT INTO unit (org_id, code, name) VALUES ($1, $2, $3) RETURNING id`, [
        orgId,
        `C${u}`,
        `演练科${u}`,
      ]);
      const unitId = unit.rows[0]!.id;
      const post = async (kind: string, code: string, seq: number, reportsTo: string | null) => {
        const p = await client.query<{ id: string }>(
          `INSERT INTO post (unit_id, kind, code, name, title, seq, reports_to_id) VALUES ($1, $2, $3, $4, $4, $5, $6) RETURNING id`,
          [unitId, kind, code, `${code} 岗位`, seq, reportsTo],
        );
        const postId = p.rows[0]!.id;
        const person = await client.query<{ id: string }>(`INSERT INTO person (name, email) VALUES ($1, $2) RETURNING id`, [
          `${code}-${u}`,
          `${code}.${u}@chaos.example.cn`,
        ]);
        const personId = person.rows[0]!.id;
        await client.query(`INSERT INTO post_assignment (post_id, person_id, start_date) VALUES ($1, $2, '2026-01-01')`, [postId, personId]);
        return { postId, personId };
      };
      const chief = await post('CHIEF', 'chief', 1, null);
      const deputy = await post('DEPUTY', 'deputy', 2, chief.postId);
      for (let o = 1; o <= OFFICERS_PER_UNIT; o++) {
        const officer = await post('OFFICER', `officer-${o}`, 2 + o, deputy.postId);
        officerPosts.push({ ...officer, unitId });
      }
    }

    const dueOf: Record<TaskGroup, string> = { past: addDays(today, -21), crossing: crossingDue, future: addDays(today, 60) };
    const dueAt = (date: string) => new Date(Date.parse(`${date}T${cutoff}:00Z`) - SHANGHAI_MS);
    const byGroup: Record<TaskGroup, number> = { past: 0, crossing: 0, future: 0 };
    const rows = Array.from({ length: options.tasks }, (_, i) => {
      const group = groupOf(i);
      byGroup[group]++;
      const owner = officerPosts[i % officerPosts.length]!;
      const due = dueOf[group];
      return {
        unitId: owner.unitId,
        postId: owner.postId,
        personId: owner.personId,
        title: `演练任务 ${i + 1}`,
        group,
        due,
        dueAt: dueAt(due).toISOString(),
        next: new Date(options.firstLookAt.getTime() + Math.floor((i / options.tasks) * options.spreadMs)).toISOString(),
      };
    });
    for (let from = 0; from < rows.length; from += 2000) {
      const chunk = rows.slice(from, from + 2000);
      const col = <K extends keyof (typeof rows)[number]>(k: K) => chunk.map((r) => r[k]);
      await client.query(
        `INSERT INTO task (kind, unit_id, post_id, assignee_person_id, title, description, status, assigned_on, issued_at,
                           due_date, due_at, next_escalation_at)
         SELECT 'AD_HOC', v.unit_id, v.post_id, v.person_id, v.title, v.grp, 'ISSUED', $9::date, now(), v.due, v.due_at, v.next
           FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::date[], $7::timestamptz[], $8::timestamptz[])
                AS v(unit_id, post_id, person_id, title, grp, due, due_at, next)`,
        [col('unitId'), col('postId'), col('personId'), col('title'), col('group'), col('due'), col('dueAt'), col('next'), addDays(today, -30)],
      );
    }
    const owner = officerPosts[0]!;
    const poison = await client.query<{ id: string }>(
      `INSERT INTO task (kind, unit_id, post_id, assignee_person_id, title, description, status, assigned_on, issued_at,
                         due_date, due_at, next_escalation_at)
       VALUES ('AD_HOC', $1, $2, $3, '演练毒任务', 'poison', 'ISSUED', $4::date, now(), $5::date, $6, $7) RETURNING id::text`,
      [owner.unitId, owner.postId, owner.personId, addDays(today, -30), POISON_DUE_DATE, dueAt(addDays(today, -21)).toISOString(),
       new Date(options.firstLookAt.getTime() + Math.floor(options.spreadMs / 2)).toISOString()],
    );
    await client.query('COMMIT');
    const expectedEscalations = (Object.keys(byGroup) as TaskGroup[]).reduce((n, g) => n + byGroup[g] * EXPECTED_LEVELS[g].length, 0);
    return { orgId, tasks: options.tasks, byGroup, expectedEscalations, crossingAt, cutoff, poisonTaskId: poison.rows[0]!.id };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    await client.end();
  }
}
