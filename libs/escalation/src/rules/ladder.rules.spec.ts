import { WorkingCalendar, packageYearSchedules, type LocalDate } from '#libs/calendar';
import { DEFAULT_LADDER, dueLevels, ladderProblem, levelTimes, nextLevelAt } from './ladder.rules.js';

const calendar = WorkingCalendar.fromSchedules(packageYearSchedules().filter((s) => s.year >= 2025));
const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('levelTimes on the default ladder (end-of-day deadlines, Shanghai)', () => {
  it.each<[string, string, string[]]>([
    // Due Thursday 2026-11-26: reminder at its start, overdue at its end, 催办 after Friday, 督办 after Tuesday.
    ['2026-11-26', 'an ordinary Thursday', ['2026-11-25T16:00:00.000Z', '2026-11-26T16:00:00.000Z', '2026-11-27T16:00:00.000Z', '2026-12-01T16:00:00.000Z']],
    // Due 2026-09-30, before 国庆: 催办 only after the first working day after the holiday (10-08).
    ['2026-09-30', 'before the National Day block', ['2026-09-29T16:00:00.000Z', '2026-09-30T16:00:00.000Z', '2026-10-08T16:00:00.000Z', '2026-10-10T16:00:00.000Z']],
    // Due Sunday 2026-11-29 (a rest day): reminded at the start of Friday.
    ['2026-11-29', 'a Sunday deadline', ['2026-11-26T16:00:00.000Z', '2026-11-29T16:00:00.000Z', '2026-11-30T16:00:00.000Z', '2026-12-02T16:00:00.000Z']],
  ])('due %s (%s)', (due, _name, expected) => {
    expect(levelTimes(DEFAULT_LADDER, due as LocalDate, '24:00', 0, calendar).map((t) => iso(t.at))).toEqual(expected);
  });

  it('restarts from L1 after an extension (cycle 1)', () => {
    expect(levelTimes(DEFAULT_LADDER, '2026-11-26' as LocalDate, '24:00', 1, calendar).map((t) => t.level)).toEqual([1, 2, 3]);
  });
});

describe('dueLevels and nextLevelAt', () => {
  const times = levelTimes(DEFAULT_LADDER, '2026-11-26' as LocalDate, '24:00', 0, calendar);
  it.each<[string, number, number[], string | null]>([
    ['2026-11-25T15:59:59.999Z', -1, [], '2026-11-25T16:00:00.000Z'],
    ['2026-11-25T16:00:00.000Z', -1, [0], '2026-11-25T16:00:00.000Z'],
    ['2026-11-27T01:00:00.000Z', 0, [1], '2026-11-26T16:00:00.000Z'],
    ['2026-12-05T00:00:00.000Z', -1, [0, 1, 2, 3], '2026-11-25T16:00:00.000Z'],
    ['2026-12-05T00:00:00.000Z', 1, [2, 3], '2026-11-27T16:00:00.000Z'],
    ['2026-12-05T00:00:00.000Z', 3, [], null],
  ])('at %s having reached L%d', (now, reached, expected, next) => {
    expect(dueLevels(times, reached, new Date(now)).map((t) => t.level)).toEqual(expected);
    expect(iso(nextLevelAt(times, reached))).toBe(next);
  });
});

describe('ladderProblem', () => {
  it.each<[unknown, string | null]>([
    [DEFAULT_LADDER, null],
    [[], '升级规则须为非空数组'],
    [[{ level: 4, trigger: { kind: 'AT_DUE' }, recipient: 'ASSIGNEE' }], '级别须为0至3'],
    [[{ level: 1, trigger: { kind: 'AT_DUE' }, recipient: 'ASSIGNEE' }, { level: 1, trigger: { kind: 'AT_DUE' }, recipient: 'CHIEF' }], '级别 1 重复'],
    [[{ level: 2, trigger: { kind: 'OVERDUE_WORKDAYS', n: 0 }, recipient: 'DEPUTY' }], '级别 2 的天数须为1至60'],
    [[{ level: 2, trigger: { kind: 'LATER' }, recipient: 'DEPUTY' }], '级别 2 的触发条件无效'],
    [[{ level: 2, trigger: { kind: 'AT_DUE' }, recipient: 'MAYOR' }], '级别 2 的接收人无效'],
  ])('%j → %s', (ladder, problem) => {
    expect(ladderProblem(ladder)).toBe(problem);
  });
});
