import { checkSupersede, type SupersededItem } from './evidence-author.rules.js';

describe('checkSupersede', () => {
  const old: SupersededItem = { taskId: 't1', kind: 'NOTE', createdBy: 'p1', supersededById: null };
  const next = { taskId: 't1', kind: 'NOTE' as const, personId: 'p1' };

  it.each<[string, SupersededItem | null, typeof next, string | null]>([
    ['own latest item of the same kind', old, next, null],
    ['a missing item', null, next, 'NOT_FOUND'],
    ['an item of another task', { ...old, taskId: 't2' }, next, 'NOT_FOUND'],
    ['a different kind', { ...old, kind: 'LINK' }, next, 'KIND_MISMATCH'],
    ["someone else's item", { ...old, createdBy: 'p2' }, next, 'NOT_OWN'],
    ['an item already corrected', { ...old, supersededById: 'e2' }, next, 'ALREADY_SUPERSEDED'],
  ])('%s → %s', (_name, item, input, expected) => {
    expect(checkSupersede(item, input)).toBe(expected);
  });
});
