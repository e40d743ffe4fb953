import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';
import { AppConfig } from '../config/app-config.js';

/**
 * The one PrismaClient of a process, connected through the pg driver adapter (no native query
 * engine). Only repositories inject it.
 */
@Injectable()
export class PrismaService extends PrismaClient implements OnApplicationShutdown {
  constructor(config: AppConfig) {
    super({ adapter: new PrismaPg({ connectionString: config.requireDatabaseUrl(), max: 10 }) });
  }

  // The last thing to close: job processors (closed in onModuleDestroy) may still be finishing.
  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
  }
}

/** A transaction client: what repositories receive when a service spans several of them. */
export type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;
