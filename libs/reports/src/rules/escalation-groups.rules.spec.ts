import { groupEscalations, type CountedEscalation } from './escalation-groups.rules.js';

const row = (over: Partial<CountedEscalation>): CountedEscalation => ({
  period: 'current',
  level: 2,
  acknowledged: false,
  taskId: 'T1',
  postId: 'P1',
  postName: '业务岗1',
  personId: 'A',
  personName: '张三',
  workItemId: 'W1',
  workItemTitle: '规划编制',
  ...over,
});

const figure = (rows: CountedEscalation[], period: string, dimension: string, key: string | null) =>
  groupEscalations(rows).find((g) => g.period === period && g.dimension === dimension && g.key === key);

describe('groupEscalations', () => {
  const rows = [
    row({}),
    row({ level: 3, acknowledged: true }), // the same task reaches 督办
    row({ taskId: 'T2', postId: 'P2', postName: '业务岗2', personId: null, personName: null, workItemId: null, workItemTitle: null }),
    row({ period: 'previous', taskId: 'T9', level: 3 }),
  ];

  it.each<[string, string, string, string | null, object | undefined]>([
    ['the total counts escalations and distinct tasks', 'current', 'total', null, { escalations: 3, tasks: 2, level2: 2, level3: 1, acknowledged: 1, label: null }],
    ['a post with two levels of one task', 'current', 'post', 'P1', { escalations: 2, tasks: 1, level2: 1, level3: 1, acknowledged: 1, label: '业务岗1' }],
    ['a vacant post is a "nobody" person group', 'current', 'person', null, { escalations: 1, tasks: 1, label: null }],
    ['a task without a work item is its own group', 'current', 'workItem', null, { escalations: 1, tasks: 1 }],
    ['levels are keyed as text', 'current', 'level', '3', { escalations: 1, level3: 1, label: null }],
    ['the previous period is counted apart', 'previous', 'total', null, { escalations: 1, tasks: 1, level3: 1 }],
    ['a group only in the previous period', 'previous', 'post', 'P1', { escalations: 1 }],
    ['nothing for a group that does not occur', 'previous', 'post', 'P2', undefined],
  ])('%s', (_name, period, dimension, key, expected) => {
    const actual = figure(rows, period, dimension, key);
    if (expected === undefined) expect(actual).toBeUndefined();
    else expect(actual).toMatchObject(expected);
  });

  it('an empty period has no groups at all', () => {
    expect(groupEscalations([])).toEqual([]);
  });
});
