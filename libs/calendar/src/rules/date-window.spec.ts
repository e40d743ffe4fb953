import { acceptedDateMessage, acceptedDateProblem, acceptedDateWindow } from './date-window.js';

describe('acceptedDateWindow', () => {
  it.each([
    ['nothing loaded: the current year + 5', null, 2026, '2031-12-31'],
    ['loaded through next year', 2027, 2026, '2032-12-31'],
    ['only older years loaded: the current year still counts', 2024, 2026, '2031-12-31'],
  ])('%s', (_name, lastLoaded, current, to) => {
    expect(acceptedDateWindow(lastLoaded, current)).toEqual({ from: '2000-01-01', to });
  });
});

describe('acceptedDateProblem', () => {
  const window = acceptedDateWindow(2027, 2026);
  it.each([
    ['2026-12-10', null],
    ['2000-01-01', null],
    ['2032-12-31', null],
    ['2028-02-29', null],
    ['0001-01-01', 'NOT_A_DATE'],
    ['2026-02-30', 'NOT_A_DATE'],
    ['2027-02-29', 'NOT_A_DATE'],
    ['2026-13-45', 'NOT_A_DATE'],
    ['2026-00-10', 'NOT_A_DATE'],
    ['', 'NOT_A_DATE'],
    ['2026-1-5', 'NOT_A_DATE'],
    ['2026-12-10T00:00:00Z', 'NOT_A_DATE'],
    [' 2026-12-10', 'NOT_A_DATE'],
    ['２０２６-１２-１０', 'NOT_A_DATE'],
    [20261210, 'NOT_A_DATE'],
    [null, 'NOT_A_DATE'],
    ['1999-12-31', 'OUT_OF_RANGE'],
    ['1900-01-01', 'OUT_OF_RANGE'],
    ['2033-01-01', 'OUT_OF_RANGE'],
    ['9999-12-31', 'OUT_OF_RANGE'],
  ])('%p → %p', (value, problem) => {
    expect(acceptedDateProblem(value, window)).toBe(problem);
  });

  it('without a window checks shape and validity only', () => {
    expect(acceptedDateProblem('9999-12-31')).toBeNull();
    expect(acceptedDateProblem('2026-02-30')).toBe('NOT_A_DATE');
  });
});

describe('acceptedDateMessage', () => {
  it.each([
    ['dueDate', '2026-02-30', 'NOT_A_DATE', 'dueDate 不是有效日期：2026-02-30（应为 YYYY-MM-DD 格式的真实日期）'],
    ['from', '', 'NOT_A_DATE', 'from 不是有效日期：（空）（应为 YYYY-MM-DD 格式的真实日期）'],
    ['dueDate', '9999-12-31', 'OUT_OF_RANGE', 'dueDate 超出允许范围：9999-12-31（应在 2000-01-01 至 2031-12-31 之间）'],
  ] as const)('%s %p', (field, value, problem, message) => {
    expect(acceptedDateMessage(field, value, problem, acceptedDateWindow(null, 2026))).toBe(message);
  });
});
