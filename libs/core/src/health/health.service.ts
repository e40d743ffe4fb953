import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config.js';
import { PrismaService } from '../prisma/prisma.service.js';

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

const TIMEOUT_MS = 2000;

@Injectable()
export class HealthService implements OnModuleDestroy {
  private readonly redis: Redis | undefined;
  private readonly warningSources: WarningSource[] = [];

  constructor(
    private readonly prisma: PrismaService,
    config: AppConfig,
  ) {
    this.redis = config.redisUrl
      ? new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: TIMEOUT_MS })
      : undefined;
    this.redis?.on('error', () => undefined); // reported through check(), not as unhandled events
  }

  /** Modules register their warnings at init instead of health depending on every module. */
  registerWarningSource(source: WarningSource): void {
    this.warningSources.push(source);
  }

  async check(): Promise<HealthReport> {
    const checks: Record<string, CheckResult> = {
      database: await probe(() => this.prisma.$queryRaw`SELECT 1`),
    };
    if (this.redis) checks.redis = await probe(() => this.pingRedis(this.redis!));
    const up = Object.values(checks).every((c) => c.status === 'up');
    const warnings = up ? (await Promise.all(this.warningSources.map((s) => s().catch(() => [])))).flat() : [];
    return { status: up ? 'ok' : 'error', checks, warnings };
  }

  async onModuleDestroy(): Promise<void> {
    this.redis?.disconnect();
  }

  private async pingRedis(redis: Redis): Promise<void> {
    if (redis.status === 'wait' || redis.status === 'end') await redis.connect().catch(() => undefined);
    await redis.ping();
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
