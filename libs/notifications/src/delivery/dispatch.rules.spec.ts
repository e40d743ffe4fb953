import type { ClaimedRow } from '../outbox/outbox.repository.js';
import { digestKey } from '../mail/message-id.js';
import { planDeliveryJobs } from './dispatch.rules.js';

const row = (id: string, channel: 'EMAIL' | 'IN_APP', recipientPersonId: string): ClaimedRow => ({ id, channel, recipientPersonId });

describe('planDeliveryJobs', () => {
  it.each([
    ['nothing claimed', [], [], []],
    ['one job per row, job id = outbox id', [row('o1', 'IN_APP', 'p1'), row('o2', 'EMAIL', 'p1')], [], ['deliver o1 [o1]', 'deliver o2 [o2]']],
    [
      "a digest recipient's e-mails become one digest job; in-app stays single",
      [row('o1', 'IN_APP', 'chief'), row('o2', 'EMAIL', 'chief'), row('o3', 'EMAIL', 'chief'), row('o4', 'EMAIL', 'p2')],
      ['chief'],
      ['deliver o1 [o1]', 'deliver o4 [o4]', `deliver-digest digest-chief-${digestKey(['o2', 'o3'])} [o2,o3]`],
    ],
    [
      'one digest job per recipient',
      [row('o1', 'EMAIL', 'c1'), row('o2', 'EMAIL', 'c2'), row('o3', 'EMAIL', 'c1')],
      ['c1', 'c2'],
      [`deliver-digest digest-c1-${digestKey(['o1', 'o3'])} [o1,o3]`, `deliver-digest digest-c2-${digestKey(['o2'])} [o2]`],
    ],
  ])('%s', (_why, claimed, digest, expected) => {
    const jobs = planDeliveryJobs(claimed as ClaimedRow[], new Set(digest as string[]));
    const describe = jobs.map((j) =>
      j.name === 'deliver' ? `deliver ${j.opts.jobId} [${j.data.outboxId}]` : `deliver-digest ${j.opts.jobId} [${j.data.outboxIds.join(',')}]`,
    );
    expect(describe).toEqual(expected);
    expect(jobs.every((j) => j.opts.attempts === 1 && !j.opts.jobId.includes(':'))).toBe(true);
  });

  it("a chief's digest job is named after its rows: other rows make another job, the same rows in any order the same job", () => {
    const jobId = (...ids: string[]) => planDeliveryJobs(ids.map((id) => row(id, 'EMAIL', 'chief')), new Set(['chief']))[0]!.opts.jobId;
    expect(jobId('o7', 'o8')).not.toBe(jobId('o1'));
    expect(jobId('o1', 'o2', 'o5')).not.toBe(jobId('o1', 'o2'));
    expect(jobId('o2', 'o1')).toBe(jobId('o1', 'o2'));
  });
});
