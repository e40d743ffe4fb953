/**
 * The API under load, in its own process (forked by api.bench.ts) so the load generator does not
 * share its event loop. The real application (createApiApp) in external mode, without jobs: the
 * benchmark measures reads, and a sweep running meanwhile would measure something else.
 * Tells the parent its port over IPC, answers `{ type: 'cpu' }` with its CPU time; stops on SIGTERM.
 */
import 'reflect-metadata';
import { AppConfig } from '#libs/core';
import { CalendarService } from '#libs/calendar';
import { createApiApp } from '../../apps/api/src/create-api-app.js';

const config = AppConfig.fromEnv(process.env);
const app = await createApiApp({ config, runJobs: false, logRequests: false });
// The official holiday schedules, as `npm start` loads them: deadlines and reports use real working days.
const orgId = process.env.BENCH_ORG_ID;
if (orgId) await app.get(CalendarService).ensurePackageYears(orgId);
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.getHttpServer().address() as { port: number };
process.send?.({ port: address.port });
// CPU time used so far (user + system, µs): per request, a figure that holds on a busy machine too.
process.on('message', (m: { type?: string }) => {
  if (m.type === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.send?.({ type: 'cpu', micros: user + system });
  }
});

process.on('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
