import type { PostKind } from '@prisma/client';
import { decideStep, stepAuthority, type StepDecision, type StepParties } from './separation-of-duties.rules.js';

// 国土空间规划科: wang holds officer-1, liu officer-2, li the deputy post, zhang the chief post; boss is the bureau leader.
const officer = (...holders: string[]) => ({ id: 'o1', kind: 'OFFICER' as PostKind, holders });
const deputy = (...holders: string[]) => ({ id: 'd', kind: 'DEPUTY' as PostKind, holders });
const chief = (...holders: string[]) => ({ id: 'c', kind: 'CHIEF' as PostKind, holders });

const parties = (over: Partial<StepParties>): StepParties => ({
  chain: [officer('wang'), deputy('li'), chief('zhang')],
  assigneePersonId: 'wang',
  actingForPersonId: null,
  bureauLeaderPersonId: null,
  ...over,
});

describe('stepAuthority: who takes a review step or an extension decision', () => {
  it.each<[string, PostKind, Partial<StepParties>, string | null, string[]]>([
    ['the usual 初核: the deputy', 'DEPUTY', {}, 'd', ['li']],
    ['the usual 审核: the chief', 'CHIEF', {}, 'c', ['zhang']],
    ['an acting deputy assigned to their own officer post: 初核 goes up to the chief', 'DEPUTY', { chain: [officer('wang'), deputy('wang'), chief('zhang')] }, 'c', ['zhang']],
    ['the acting deputy beside a substantive one: the other holder reviews', 'DEPUTY', { chain: [officer('wang'), deputy('li', 'wang'), chief('zhang')] }, 'd', ['li']],
    ['an officer acting as chief: 审核 of their own task goes to the bureau leader', 'CHIEF', { chain: [officer('wang'), deputy('li'), chief('wang')], bureauLeaderPersonId: 'boss' }, null, ['boss']],
    ['an AB backup (the deputy) works the officer’s task: up to the chief', 'DEPUTY', { assigneePersonId: 'li', actingForPersonId: 'wang' }, 'c', ['zhang']],
    ['the absent holder an AB backup covers may not review either', 'DEPUTY', { chain: [officer('wang'), deputy('wang'), chief('zhang')], assigneePersonId: 'liu', actingForPersonId: 'wang' }, 'c', ['zhang']],
    ['the chief works a task on the deputy post (AB cover): the bureau leader', 'CHIEF', { chain: [deputy('li'), chief('zhang')], assigneePersonId: 'zhang', actingForPersonId: 'li', bureauLeaderPersonId: 'boss' }, null, ['boss']],
    ['… and with no bureau leader named: nobody', 'CHIEF', { chain: [deputy('li'), chief('zhang')], assigneePersonId: 'zhang', actingForPersonId: 'li' }, null, []],
    ['deputy post vacant: up to the chief', 'DEPUTY', { chain: [officer('wang'), deputy(), chief('zhang')] }, 'c', ['zhang']],
    ['extension of the chief’s own task: nobody above, the bureau leader', 'CHIEF', { chain: [chief('zhang')], assigneePersonId: 'zhang', bureauLeaderPersonId: 'boss' }, null, ['boss']],
  ])('%s', (_name, level, over, postId, personIds) => {
    const authority = stepAuthority(level, parties(over));
    expect({ postId: authority.postId, personIds: authority.personIds }).toEqual({ postId, personIds });
  });
});

describe('decideStep: may this person take it, and if not, why', () => {
  const actingDeputy = { chain: [officer('wang'), deputy('wang'), chief('zhang')] };
  const chiefCovers = { chain: [deputy('li'), chief('zhang')], assigneePersonId: 'zhang', actingForPersonId: 'li' };
  it.each<[string, string | null, PostKind, Partial<StepParties>, StepDecision]>([
    ['the deputy reviews an officer’s task', 'li', 'DEPUTY', {}, 'ALLOWED'],
    ['the deputy reviews a task on a post they also hold', 'li', 'DEPUTY', { chain: [officer('wang', 'li'), deputy('li'), chief('zhang')] }, 'SELF_REVIEW'],
    ['the chief at the deputy’s step', 'zhang', 'DEPUTY', {}, 'NOT_DECIDER'],
    ['the chief at a step that moved up from a working deputy', 'zhang', 'DEPUTY', { assigneePersonId: 'li', actingForPersonId: 'wang' }, 'ALLOWED'],
    ['the acting deputy at their own task', 'wang', 'DEPUTY', actingDeputy, 'SELF_REVIEW'],
    ['the chief takes the acting deputy’s step', 'zhang', 'DEPUTY', actingDeputy, 'ALLOWED'],
    ['the substantive deputy, away while the acting one holds the post, is not the step’s', 'li', 'DEPUTY', actingDeputy, 'NOT_DECIDER'],
    ['an officer never reviews', 'liu', 'DEPUTY', {}, 'NOT_DECIDER'],
    ['no person (a pure admin account)', null, 'DEPUTY', {}, 'NOT_DECIDER'],
    ['the chief covering the deputy, bureau leader named', 'zhang', 'CHIEF', { ...chiefCovers, bureauLeaderPersonId: 'boss' }, 'SELF_REVIEW'],
    ['the bureau leader takes it', 'boss', 'CHIEF', { ...chiefCovers, bureauLeaderPersonId: 'boss' }, 'ALLOWED'],
    ['the chief covering the deputy, no bureau leader: nobody can', 'zhang', 'CHIEF', chiefCovers, 'NO_INDEPENDENT_REVIEWER'],
  ])('%s: %s', (_name, person, level, over, expected) => {
    expect(decideStep(person, level, parties(over))).toBe(expected);
  });
});
