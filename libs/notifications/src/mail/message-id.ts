import { createHash } from 'node:crypto';

/** The domain part of MAIL_FROM ("duty-tracker <noreply@localhost>" → "localhost"). */
export function mailDomain(mailFrom: string): string {
  const address = /<([^<>]+)>/.exec(mailFrom)?.[1] ?? mailFrom;
  return address.slice(address.lastIndexOf('@') + 1).trim() || 'localhost';
}

/**
 * Every send of one outbox row carries the same Message-ID, so a duplicate after a crash (sent,
 * then the process died before marking the row) is recognisable by any mail system and countable.
 */
export function outboxMessageId(outboxId: string, mailFrom: string): string {
  return `<outbox.${outboxId}@${mailDomain(mailFrom)}>`;
}

/** A digest is identified by the set of rows it covers, in any order. */
export function digestMessageId(outboxIds: readonly string[], mailFrom: string): string {
  return `<digest.${digestKey(outboxIds)}@${mailDomain(mailFrom)}>`;
}

/** The set of rows a digest covers as a short key, the same in any order (its Message-ID and job id). */
export function digestKey(outboxIds: readonly string[]): string {
  return createHash('sha256').update([...outboxIds].sort().join(',')).digest('hex').slice(0, 32);
}
