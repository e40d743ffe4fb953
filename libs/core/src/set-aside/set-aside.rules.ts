import { retryDelayMs } from '../retry/backoff.rules.js';

/** What kind of row was set aside: the batch that failed on it, and what its ref id names. */
export type SetAsideKind = 'ESCALATION_SWEEP' | 'TASK_GENERATION' | 'OUTBOX_DISPATCH' | 'OUTBOX_DELIVERY';

export const SET_ASIDE_KINDS: readonly SetAsideKind[] = ['ESCALATION_SWEEP', 'TASK_GENERATION', 'OUTBOX_DISPATCH', 'OUTBOX_DELIVERY'];

/**
 * When a row that failed `attempts` times in a row is tried again: 1, 2, 4 … minutes, at most an
 * hour. A bad row usually stays bad until someone fixes its data, so retries thin out quickly;
 * the cap keeps a fixed row from waiting long.
 */
export function retryAfterFailure(attempts: number, now: Date): Date {
  return new Date(now.getTime() + retryDelayMs(Math.max(1, Math.floor(attempts))));
}

/** The stable code and the message of whatever was thrown, bounded for storage and display. */
export function describeRowError(error: unknown): { code: string; message: string } {
  // Prisma wraps the database's error (raw queries: P2010 and a multi-line banner); the driver's
  // own code and message are what says what went wrong.
  const raw = (driverCause(error) ?? error) as { code?: unknown; message?: unknown } | null;
  const code = typeof raw?.code === 'string' && /^[A-Z0-9_]{1,64}$/.test(raw.code) ? raw.code : error instanceof Error ? error.name || 'Error' : 'UNKNOWN';
  const message = typeof raw?.message === 'string' ? raw.message : String(error);
  const firstLine = message.split('\n').find((line) => line.trim() !== '') ?? '';
  return { code, message: firstLine.trim().slice(0, 1000) };
}

/** The database driver's error inside a Prisma error (driver adapters put it in meta). */
function driverCause(error: unknown): unknown {
  const cause = (error as { meta?: { driverAdapterError?: { cause?: unknown } } } | null)?.meta?.driverAdapterError?.cause;
  return cause && typeof cause === 'object' ? cause : undefined;
}

// SQLSTATE classes and codes that say nothing about the row: the server or the connection went
// away (08, 57P0x), a lock conflict that a retry resolves (40001, 40P01, 55P03), too many
// connections (53300). Socket errors and Prisma's connection errors likewise.
const TRANSIENT_SQLSTATE = /^(08...|57P0.|40001|40P01|55P03|53300)$/;
const TRANSIENT_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const TRANSIENT_PRISMA = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2034']);
const TRANSIENT_MESSAGE = /Connection terminated|connection (?:is )?(?:closed|ended)|Client has encountered a connection error|timeout exceeded when trying to connect|Can't reach database server/i;

/**
 * True when an error is the infrastructure's, not the row's: a batch that failed so must not set
 * its rows aside (they are all fine), it is simply tried again later.
 */
export function isTransientError(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown; cause?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  if (TRANSIENT_SQLSTATE.test(code) || TRANSIENT_ERRNO.has(code) || TRANSIENT_PRISMA.has(code)) return true;
  if (typeof e?.message === 'string' && TRANSIENT_MESSAGE.test(e.message)) return true;
  const driver = driverCause(error);
  if (driver && isTransientError(driver)) return true;
  return e?.cause !== undefined && e.cause !== error ? isTransientError(e.cause) : false;
}
