/**
 * `npm run bench -- generate`: 10k schedules × one year of occurrences through the real
 * TaskGenerationService → instances/s (target ≥ 5,000/s); then the same run again, which must
 * create nothing (the unique (schedule, occurrence) key and each schedule's resume point).
 */
import { TaskGenerationService } from '#libs/tasks';
import {
  benchDatabaseUrl,
  benchOptions,
  bootContext,
  cloneDatabase,
  databaseName,
  dropDatabase,
  ensureDataset,
  generateOrganisation,
  generateSchedules,
  loadCalendar,
  machine,
  openSql,
  printTable,
  serverVersion,
  sized,
  timed,
  withDatabase,
  writeResult,
} from '../lib/index.js';

const USAGE = `usage: npm run bench -- generate [options]
  --schedules N  schedules, one work item each (default 10,000 × scale)
  --units N      units of 1 chief + 1 deputy + 8 officers (default 1,000 × scale)
  --until DATE   generate through this date (default 2026-12-31: one year)
  --scale F      multiply the default sizes (e.g. 0.05 for a quick run)
  --reuse        keep the generated database when its parameters match
  --keep         keep the run database afterwards`;

// New Year's Day 2026, 09:00 in Shanghai: the year is generated ahead, none of it late.
const NOW = new Date('2026-01-01T01:00:00.000Z');
const START = '2026-01-01';

export async function run(args: string[]): Promise<void> {
  const { values, scale } = benchOptions(
    args,
    {
      schedules: { type: 'string' },
      units: { type: 'string' },
      until: { type: 'string' },
      reuse: { type: 'boolean' },
      keep: { type: 'boolean' },
    },
    USAGE,
  );
  const schedules = sized(values.schedules, 10_000, scale);
  const units = sized(values.units, 1_000, scale);
  const until = values.until ?? '2026-12-31';
  const base = benchDatabaseUrl();
  const templateUrl = withDatabase(base, `${databaseName(base)}_generate${schedules === 10_000 ? '' : `_${schedules}`}`);

  console.log(`generate: ${schedules.toLocaleString()} schedules on ${units.toLocaleString()} units, ${START} → ${until}`);
  const built = await ensureDataset(
    templateUrl,
    { v: 1, schedules, units, start: START },
    async (sql) => {
      const org = await generateOrganisation(sql, { units, officersPerUnit: 8 });
      const ctx = await bootContext({ databaseUrl: templateUrl });
      try {
        await loadCalendar(ctx, org.orgId);
      } finally {
        await ctx.close();
      }
      await generateSchedules(sql, org.orgId, { schedules, startDate: START });
    },
    { reuse: values.reuse ?? false },
  );
  console.log(built.reused ? 'data: reused' : `data: generated in ${(built.ms / 1000).toFixed(1)} s`);

  const runUrl = await cloneDatabase(templateUrl, `${databaseName(templateUrl)}_run`);
  try {
    const ctx = await bootContext({ databaseUrl: runUrl, now: NOW });
    let first, second;
    try {
      const generator = ctx.app.get(TaskGenerationService);
      first = await timed(() => generator.generate({ until: until as never }));
      second = await timed(() => generator.generate({ until: until as never }));
    } finally {
      await ctx.close();
    }
    const sql = openSql(runUrl, 1);
    const [c] = await sql.query<Record<string, string>>(
      `SELECT (SELECT count(*) FROM task) AS tasks,
              (SELECT count(*) FROM (SELECT 1 FROM task GROUP BY schedule_id, occurrence_date HAVING count(*) > 1) d) AS duplicates,
              (SELECT count(*) FROM history_event WHERE type = 'task.created') AS history,
              (SELECT count(*) FROM schedule WHERE generated_through IS NULL) AS not_advanced,
              (SELECT count(*) FROM task WHERE assignee_person_id IS NULL) AS unassigned`,
    );
    const postgres = await serverVersion(sql);
    await sql.end();
    const checks = { tasks: Number(c.tasks), duplicates: Number(c.duplicates), history: Number(c.history), notAdvanced: Number(c.not_advanced), unassigned: Number(c.unassigned) };

    printTable('Generation', [
      { run: 'first (a year)', schedules: first.result.schedules, created: first.result.created, existing: first.result.existing, seconds: first.ms / 1000, 'instances/s': rate(first.result.created, first.ms) },
      { run: 're-run', schedules: second.result.schedules, created: second.result.created, existing: second.result.existing, seconds: second.ms / 1000, 'instances/s': null },
    ]);
    const perSecond = rate(first.result.created, first.ms);
    console.log(`\ninstances/s: ${Math.round(perSecond).toLocaleString()} (target ≥ 5,000) ${perSecond >= 5000 ? 'met' : 'NOT met'}; re-run created ${second.result.created} (must be 0)`);
    printTable('Checks', [checks]);
    const ok = second.result.created === 0 && checks.duplicates === 0 && checks.tasks === first.result.created && checks.history === checks.tasks && checks.notAdvanced === 0;
    console.log(ok ? 'verified: one task per occurrence, each with its creation event; the re-run created none' : 'VERIFICATION FAILED: see the checks above');
    const file = writeResult('generate', {
      parameters: { schedules, units, start: START, until, now: NOW.toISOString() },
      first: { ...first.result, ms: first.ms, instancesPerSecond: perSecond },
      rerun: { ...second.result, ms: second.ms },
      checks,
      verified: ok,
      machine: machine({ postgres }),
    });
    console.log(`written ${file}`);
  } finally {
    if (!values.keep) await dropDatabase(runUrl);
  }
}

const rate = (n: number, ms: number) => (ms > 0 ? (n * 1000) / ms : 0);
