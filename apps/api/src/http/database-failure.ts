/*
 * What a database failure means for the caller. Prisma (through the pg driver adapter), DirectSql
 * (node-postgres) and the pool each wrap PostgreSQL's errors differently, so the causes are walked
 * and judged by SQLSTATE, Prisma code, socket error code or the pool's own messages.
 */

/** Seconds a client should wait before retrying while the database is unreachable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

export type DatabaseFailure = 'unavailable' | 'bad-input';

// Prisma's codes for "cannot reach / lost the server": P1001 unreachable, P1002 timed out,
// P1008 operation timed out, P1017 server closed the connection, P2024 pool timeout.
const PRISMA_UNAVAILABLE = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
const SOCKET_UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);
// Messages of node-postgres and its pool that carry no code.
const POOL_UNAVAILABLE = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Cannot use a pool after calling end|the database system is (starting up|shutting down|in recovery mode)|terminating connection due to administrator command/i;

/**
 * 'unavailable' for a lost or refused connection (SQLSTATE class 08, 57P01–57P03, 53300 too many
 * connections), 'bad-input' for values PostgreSQL refuses as data (class 22: out of range, NUL in
 * text, invalid text representation), otherwise null (a genuine server error).
 */
export function databaseFailure(error: unknown): DatabaseFailure | null {
  for (const cause of causes(error)) {
    const code = typeof cause.code === 'string' ? cause.code : undefined;
    const sqlState = [code, cause.originalCode].find((c): c is string => typeof c === 'string' && /^[0-9A-Z]{5}$/.test(c));
    if (sqlState) {
      if (sqlState.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(sqlState)) return 'unavailable';
      if (sqlState.startsWith('22')) return 'bad-input';
    }
    if (code && (PRISMA_UNAVAILABLE.has(code) || SOCKET_UNAVAILABLE.has(code))) return 'unavailable';
    if (cause.name === 'PrismaClientInitializationError') return 'unavailable';
    if (typeof cause.message === 'string' && POOL_UNAVAILABLE.test(cause.message)) return 'unavailable';
  }
  return null;
}

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  originalCode?: unknown;
  kind?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: unknown };
  errors?: unknown;
}

/** The error, its `cause` chain, a driver adapter's error inside Prisma's, and AggregateError parts. */
function* causes(error: unknown, depth = 0): Generator<ErrorLike> {
  if (!error || typeof error !== 'object' || depth > 8) return;
  const e = error as ErrorLike;
  yield e;
  yield* causes(e.cause, depth + 1);
  yield* causes(e.meta?.driverAdapterError, depth + 1);
  if (Array.isArray(e.errors)) for (const part of e.errors) yield* causes(part, depth + 1);
}
