import { Injectable } from '@nestjs/common';
import { PrismaService, type SqlTx } from '#libs/core';
import type { LoginFailures } from './login-throttle.rules.js';

/** How far back each limit looks and how many failures it needs to see. */
export type FailureQuery = Record<keyof LoginFailures, { since: Date; limit: number }>;

/** Deleted per admitted attempt: more than one, so the table shrinks back after a burst. */
const PRUNE_BATCH = 100;

/**
 * Admitted login attempts (`login_attempt`). Counting and admitting happen in one short transaction
 * under advisory locks on the username and the address, so two attempts never both read a count
 * that the other is about to raise — in one process or across several.
 */
@Injectable()
export class LoginAttemptRepository {
  constructor(private readonly prisma: PrismaService) {}

  transaction<T>(fn: (tx: SqlTx) => Promise<T>): Promise<T> {
    return this.prisma.directTransaction(fn);
  }

  /**
   * Serialises attempts on this username and on this address until the transaction ends. Taken in
   * the order of their keys, as every attempt does, so two attempts never wait on each other in a cycle.
   */
  async lock(tx: SqlTx, username: string, ip: string): Promise<void> {
    await tx.$queryRaw`SELECT count(pg_advisory_xact_lock(k))::int AS n
                         FROM (SELECT hashtextextended(x, 0) AS k FROM unnest(${[`login:user:${username}`, `login:ip:${ip}`]}::text[]) AS x ORDER BY 1) AS ordered`;
  }

  /**
   * The most recent failures (admitted and not succeeded) per limit, newest first. Per username and
   * address only those after the pair's last success count: logging in clears one's own address.
   */
  async recentFailures(tx: SqlTx, username: string, ip: string, query: FailureQuery): Promise<LoginFailures> {
    const { usernameIp, username: byUser, ip: byIp } = query;
    const [row] = await tx.$queryRaw<{ usernameIp: Date[]; username: Date[]; ip: Date[] }[]>`
      SELECT ARRAY(SELECT at FROM login_attempt
                    WHERE username = ${username} AND ip = ${ip} AND NOT succeeded AND at > ${usernameIp.since}
                      AND id > COALESCE((SELECT max(id) FROM login_attempt
                                          WHERE username = ${username} AND ip = ${ip} AND succeeded AND at > ${usernameIp.since}), 0)
                    ORDER BY id DESC LIMIT ${usernameIp.limit}) AS "usernameIp",
             ARRAY(SELECT at FROM login_attempt
                    WHERE username = ${username} AND NOT succeeded AND at > ${byUser.since}
                    ORDER BY at DESC, id DESC LIMIT ${byUser.limit}) AS "username",
             ARRAY(SELECT at FROM login_attempt
                    WHERE ip = ${ip} AND NOT succeeded AND at > ${byIp.since}
                    ORDER BY at DESC, id DESC LIMIT ${byIp.limit}) AS "ip"`;
    return { usernameIp: row!.usernameIp, username: row!.username, ip: row!.ip };
  }

  /** Records an admitted attempt, failed until markSucceeded; returns its id. */
  async admit(tx: SqlTx, username: string, ip: string, at: Date): Promise<bigint> {
    const [row] = await tx.$queryRaw<{ id: bigint }[]>`
      INSERT INTO login_attempt (username, ip, at) VALUES (${username}, ${ip}, ${at}) RETURNING id`;
    return row!.id;
  }

  /** Deletes a batch of attempts older than every window (rows being deleted elsewhere are skipped). */
  async prune(tx: SqlTx, before: Date): Promise<void> {
    await tx.$executeRaw`DELETE FROM login_attempt WHERE id IN (
                           SELECT id FROM login_attempt WHERE at < ${before} ORDER BY at LIMIT ${PRUNE_BATCH} FOR UPDATE SKIP LOCKED)`;
  }

  async markSucceeded(id: bigint): Promise<void> {
    await this.prisma.direct.$executeRaw`UPDATE login_attempt SET succeeded = true WHERE id = ${id}`;
  }
}
