import { resolveRecipients, type Recipients, type StaffedPost } from './recipients.rules.js';
import type { RecipientRole } from './ladder.rules.js';

const officer: StaffedPost = { postId: 'o1', kind: 'OFFICER', holder: 'wang', backupHolder: 'liu' };
const deputy: StaffedPost = { postId: 'd', kind: 'DEPUTY', holder: 'li', backupHolder: 'zhang' };
const chief: StaffedPost = { postId: 'c', kind: 'CHIEF', holder: 'zhang', backupHolder: 'li' };
const r = (personIds: string[], viaPostId: string | null, bureauLeader = false): Recipients => ({ personIds, viaPostId, bureauLeader });

describe('resolveRecipients', () => {
  it.each<[string, RecipientRole, StaffedPost[], string | null, string[], Recipients]>([
    ['assignee', 'ASSIGNEE', [officer, deputy, chief], 'wang', [], r(['wang'], null)],
    ['AB backup working the task is the assignee', 'ASSIGNEE', [officer, deputy, chief], 'liu', ['wang'], r(['liu'], null)],
    ['催办 reaches the deputy', 'DEPUTY', [officer, deputy, chief], 'wang', [], r(['li'], 'd')],
    ['督办 reaches the chief', 'CHIEF', [officer, deputy, chief], 'wang', [], r(['zhang'], 'c')],
    ['deputy away: the AB backup (chief) is told too', 'DEPUTY', [officer, deputy, chief], 'wang', ['li'], r(['li', 'zhang'], 'd')],
    ["the deputy's own task: 催办 goes up to the chief", 'DEPUTY', [deputy, chief], 'li', [], r(['zhang'], 'c')],
    ["the chief's own task: nobody above in the system", 'CHIEF', [chief], 'zhang', [], r([], null, true)],
    ['deputy post vacant: up to the chief', 'DEPUTY', [officer, { ...deputy, holder: null, backupHolder: null }, chief], 'wang', [], r(['zhang'], 'c')],
    ['assignee covers the deputy post: skipped, chief reached', 'DEPUTY', [officer, { ...deputy, holder: 'wang' }, chief], 'wang', [], r(['zhang'], 'c')],
  ])('%s', (_name, role, chain, assignee, absent, expected) => {
    expect(resolveRecipients(role, chain, assignee, new Set(absent))).toEqual(expected);
  });
});
