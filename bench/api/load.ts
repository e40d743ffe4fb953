import { createRequire } from 'node:module';

/** The part of autocannon's options and result this benchmark uses (the package ships no types). */
interface AutocannonRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  overallRate?: number;
  timeout?: number;
  requests: AutocannonRequest[];
}

interface Histogram {
  average: number;
  p50: number;
  p90: number;
  p97_5: number;
  p99: number;
  max: number;
}

interface AutocannonResult {
  latency: Histogram;
  requests: Histogram & { total: number; sent: number };
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
}

const autocannon = createRequire(import.meta.url)('autocannon') as (options: AutocannonOptions) => Promise<AutocannonResult>;

export interface LoadRequest {
  path: string;
  headers: Record<string, string>;
}

export interface LoadFigures {
  requests: number;
  /** Answered per second over the run (completed requests / duration). */
  rps: number;
  p50: number;
  p97_5: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

/**
 * A fixed-rate run: `rate` requests per second in all over `connections` connections, each
 * connection cycling through `requests` (different users and ids). Latencies in milliseconds.
 */
export async function runLoad(url: string, requests: LoadRequest[], opts: { rate: number; seconds: number; connections: number }): Promise<LoadFigures> {
  const result = await autocannon({
    url,
    connections: opts.connections,
    duration: opts.seconds,
    overallRate: opts.rate,
    timeout: 10,
    requests: requests.map((r) => ({ method: 'GET', path: r.path, headers: r.headers })),
  });
  return {
    requests: result.requests.total,
    rps: result.requests.total / Math.max(result.duration, 1e-9),
    p50: result.latency.p50,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}
