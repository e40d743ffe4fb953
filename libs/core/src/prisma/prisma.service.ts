import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';
import pg from 'pg';
import { AppConfig } from '../config/app-config.js';
import { DirectSql, directTransaction, type SqlTx } from './direct-sql.js';

/**
 * The one PrismaClient of a process, connected through the pg driver adapter (no native query
 * engine). Only repositories inject it. The adapter runs on a pool this service owns, which also
 * serves {@link DirectSql}: the bulk paths' raw SQL without Prisma's per-byte parameter cost, on
 * the same connections.
 */
@Injectable()
export class PrismaService extends PrismaClient implements OnApplicationShutdown {
  private readonly pool: pg.Pool;
  /** Raw SQL outside a transaction, straight to node-postgres (see DirectSql); prepared statements. */
  readonly direct: DirectSql;
  /** The same, planned on every call for its parameter values (reports over a chosen period). */
  readonly directPlannedPerCall: DirectSql;

  constructor(config: AppConfig) {
    const pool = new pg.Pool({ connectionString: config.requireDatabaseUrl(), max: 10 });
    super({ adapter: new PrismaPg(pool) });
    this.pool = pool;
    this.direct = new DirectSql(pool);
    this.directPlannedPerCall = new DirectSql(pool, { prepared: false });
    // An idle connection dropped by the server (a restart) must not crash the process; the pool
    // replaces it on the next checkout.
    const logger = new Logger('PrismaService');
    pool.on('error', (error) => logger.warn(`idle database connection closed: ${error.message}`));
    // A connection lost while checked out (mid-query or mid-transaction) fails its queries, which
    // the caller sees (503); without a listener the client's 'error' event would end the process.
    pool.on('connect', (client) => client.on('error', (error) => logger.warn(`database connection lost: ${error.message}`)));
  }

  /** A transaction for raw-SQL repository methods only (see DirectSql); everything else uses $transaction. */
  directTransaction<T>(fn: (tx: SqlTx) => Promise<T>): Promise<T> {
    return directTransaction(this.pool, fn);
  }

  // The last thing to close: job processors (closed in onModuleDestroy) may still be finishing.
  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
    if (!this.pool.ended) await this.pool.end();
  }
}

/** A transaction client: what repositories receive when a service spans several of them. */
export type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;
