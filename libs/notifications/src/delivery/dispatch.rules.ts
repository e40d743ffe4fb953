import { digestKey } from '../mail/message-id.js';
import type { ClaimedRow } from '../outbox/outbox.repository.js';
import {
  DELIVER_DIGEST_JOB,
  DELIVER_JOB,
  type DeliverDigestJobData,
  type DeliverJobData,
} from '../notification.types.js';

export type DeliveryJob =
  | { name: typeof DELIVER_JOB; data: DeliverJobData; opts: { jobId: string; attempts: 1 } }
  | { name: typeof DELIVER_DIGEST_JOB; data: DeliverDigestJobData; opts: { jobId: string; attempts: 1 } };

/**
 * One delivery job per claimed row, its job id the row id, so a row already waiting in the queue
 * is not queued twice. E-mail rows of digest recipients (chiefs, with CHIEF_DIGEST) become one
 * digest job per recipient and claim instead, named after the recipient and the set of rows it
 * covers: the same rows claimed again make the same job (deduplicated while it waits), other rows a
 * job of their own. (A name per recipient alone made a later claim's digest a duplicate of one still
 * waiting, and its rows waited for their lease.) One attempt per job: retrying is the outbox row's
 * business (attempts, backoff, FAILED), not the queue's.
 */
export function planDeliveryJobs(claimed: readonly ClaimedRow[], digestRecipients: ReadonlySet<string>): DeliveryJob[] {
  const jobs: DeliveryJob[] = [];
  const digests = new Map<string, string[]>();
  for (const row of claimed) {
    if (row.channel === 'EMAIL' && digestRecipients.has(row.recipientPersonId)) {
      const ids = digests.get(row.recipientPersonId) ?? [];
      ids.push(row.id);
      digests.set(row.recipientPersonId, ids);
    } else {
      jobs.push({ name: DELIVER_JOB, data: { outboxId: row.id }, opts: { jobId: row.id, attempts: 1 } });
    }
  }
  for (const [recipientPersonId, outboxIds] of digests) {
    jobs.push({ name: DELIVER_DIGEST_JOB, data: { recipientPersonId, outboxIds }, opts: { jobId: `digest-${recipientPersonId}-${digestKey(outboxIds)}`, attempts: 1 } });
  }
  return jobs;
}
