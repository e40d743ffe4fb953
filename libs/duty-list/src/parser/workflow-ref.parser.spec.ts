import { parseWorkflowRefs } from './workflow-ref.parser.js';

describe('parseWorkflowRefs', () => {
  it.each<[string | undefined, string[], string | null]>([
    ['详见07-1', ['07-1'], null],
    ['详见07-4', ['07-4'], null],
    ['<p>详见 07-2-1 07-2-2</p>', ['07-2-1', '07-2-2'], null],
    ['详见08-2-1、08-2-2', ['08-2-1', '08-2-2'], null],
    ['详见０７－３', ['07-3'], null],
    ['详见07–5', ['07-5'], null],
    ['07-1；07-1', ['07-1'], null],
    ['', [], null],
    ['  ', [], null],
    [undefined, [], null],
    ['按局里流程办理', [], '按局里流程办理'],
    ['详见07', [], '详见07'],
  ])('%j → %j', (cell, refs, unrecognised) => {
    expect(parseWorkflowRefs(cell)).toEqual({ refs, unrecognised });
  });
});
