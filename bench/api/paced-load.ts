import { Agent, request } from 'node:http';
import type { LoadFigures, LoadRequest } from './load.js';

/**
 * An open-loop run at an even pace: one request every 1000/rate ms, sent at its scheduled time
 * whether or not earlier ones were answered (over at most `connections` keep-alive sockets; a
 * request waiting for a free socket waits on the clock), with latency measured from the scheduled
 * time, so a slow server cannot slow the load down and hide its own delay.
 *
 * The counterpart of autocannon's fixed rate, which is a per-second quota per connection: every
 * connection sends its share back to back from the start of each second, so each second's
 * requests arrive as one burst of `connections` concurrent requests followed by silence.
 */
export async function runPacedLoad(url: string, requests: LoadRequest[], opts: { rate: number; seconds: number; connections: number }): Promise<LoadFigures> {
  const base = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: opts.connections });
  const interval = 1000 / opts.rate;
  const total = Math.round(opts.rate * opts.seconds);
  const latencies: number[] = [];
  const counts = { non2xx: 0, errors: 0, timeouts: 0 };

  const send = (r: LoadRequest, scheduled: number) =>
    new Promise<void>((resolve) => {
      let timedOut = false;
      const req = request({ host: base.hostname, port: base.port, path: r.path, headers: r.headers, method: 'GET', agent, timeout: 10_000 }, (res) => {
        res.resume();
        res.on('end', () => {
          latencies.push(performance.now() - scheduled);
          if ((res.statusCode ?? 0) >= 300) counts.non2xx++;
          resolve();
        });
      });
      req.on('timeout', () => {
        timedOut = true;
        counts.timeouts++;
        req.destroy();
      });
      req.on('error', () => {
        if (!timedOut) counts.errors++;
        resolve();
      });
      req.end();
    });

  const start = performance.now();
  const sent: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const scheduled = start + i * interval;
    const wait = scheduled - performance.now();
    // Timers fire no more often than every ~1 ms: behind schedule, send at once to catch up.
    if (wait >= 1) await new Promise((r) => setTimeout(r, wait));
    sent.push(send(requests[i % requests.length]!, scheduled));
  }
  await Promise.all(sent);
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();

  latencies.sort((a, b) => a - b);
  const at = (q: number) => (latencies.length ? Math.round(latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)]!) : 0);
  return {
    requests: latencies.length,
    rps: latencies.length / Math.max(seconds, 1e-9),
    p50: at(0.5),
    p97_5: at(0.975),
    p99: at(0.99),
    max: at(1),
    ...counts,
  };
}
