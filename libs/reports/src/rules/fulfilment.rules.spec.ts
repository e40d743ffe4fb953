import { averageOf, onTimeRate } from './fulfilment.rules.js';

describe('onTimeRate', () => {
  it.each([
    [3, 1, 0, 75],
    [0, 0, 0, null],
    [1, 1, 1, 33.3],
    [0, 0, 2, 0],
    [5, 0, 0, 100],
  ])('on time %i, late %i, open overdue %i → %p', (doneOnTime, doneLate, openOverdue, rate) => {
    expect(onTimeRate({ doneOnTime, doneLate, openOverdue })).toBe(rate);
  });
});

describe('averageOf', () => {
  it.each<[number[], number | null]>([
    [[], null],
    [[2], 2],
    [[1, 2], 1.5],
    [[1, 1, 2], 1.3],
  ])('%j → %p', (values, avg) => expect(averageOf(values)).toBe(avg));
});
