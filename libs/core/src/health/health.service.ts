import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { PrismaService } from '../prisma/prisma.service.js';
import { pingRedis } from '../redis/redis-probe.js';

export interface CheckResult {
  status: 'up' | 'down';
  error?: string;
}

export interface HealthReport {
  status: 'ok' | 'error';
  checks: Record<string, CheckResult>;
  warnings: HealthWarning[];
}

export interface HealthWarning {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/** Something that can raise a non-fatal warning on /health (e.g. a calendar year not loaded). */
export type WarningSource = () => Promise<HealthWarning[]>;

/** A dependency that must work for the service to be healthy (e.g. the evidence store); throws when down. */
export type HealthCheck = () => Promise<unknown>;

const TIMEOUT_MS = 2000;

@Injectable()
export class HealthService {
  private readonly redisUrl: string | undefined;
  private readonly warningSources: WarningSource[] = [];
  private readonly extraChecks = new Map<string, HealthCheck>();

  constructor(
    private readonly prisma: PrismaService,
    config: AppConfig,
  ) {
    // A short-lived connection per check: no reconnect loop lingers while Redis is down.
    this.redisUrl = config.redisUrl;
  }

  /** Modules register their warnings at init instead of health depending on every module. */
  registerWarningSource(source: WarningSource): void {
    this.warningSources.push(source);
  }

  /** Modules add the dependencies they own; a failing one turns /health to 503 under its name. */
  registerCheck(name: string, check: HealthCheck): void {
    this.extraChecks.set(name, check);
  }

  async check(): Promise<HealthReport> {
    const checks: Record<string, CheckResult> = {
      database: await probe(() => this.prisma.$queryRaw`SELECT 1`),
    };
    if (this.redisUrl) checks.redis = await probe(() => this.pingRedis(this.redisUrl!));
    for (const [name, check] of this.extraChecks) checks[name] = await probe(check);
    const up = Object.values(checks).every((c) => c.status === 'up');
    const warnings = up ? (await Promise.all(this.warningSources.map((s) => s().catch(() => [])))).flat() : [];
    return { status: up ? 'ok' : 'error', checks, warnings };
  }

  private async pingRedis(url: string): Promise<void> {
    const problem = await pingRedis(url, TIMEOUT_MS);
    if (problem) throw new Error(problem);
  }
}

async function probe(fn: () => Promise<unknown>): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      }),
    ]);
    return { status: 'up' };
  } catch (e) {
    return { status: 'down', error: (e as Error).message.split('\n')[0] };
  } finally {
    clearTimeout(timer);
  }
}
