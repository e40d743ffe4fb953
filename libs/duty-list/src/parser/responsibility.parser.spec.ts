import { parseResponsibility, splitResponsibilityStatements } from './responsibility.parser.js';
import { RESPONSIBILITY_TYPES } from './responsibility-types.js';

describe('RESPONSIBILITY_TYPES', () => {
  it('maps exactly the fifteen known labels to their codes', () => {
    expect(RESPONSIBILITY_TYPES).toEqual({
      决策: 'DECISION',
      审核: 'REVIEW',
      初核: 'PRELIMINARY_REVIEW',
      上报: 'REPORT',
      执行: 'EXECUTION',
      监督: 'SUPERVISION',
      受理: 'INTAKE',
      沟通协调: 'COORDINATION',
      请示报告: 'REQUEST_REPORT',
      组织编制: 'ORGANISE_DRAFTING',
      报批: 'SUBMIT_FOR_APPROVAL',
      组织实施: 'ORGANISE_IMPLEMENTATION',
      审核验收: 'REVIEW_ACCEPTANCE',
      总结报告: 'SUMMARY_REPORT',
      其他: 'OTHER',
    });
  });

  it('cannot be modified at runtime', () => {
    expect(Object.isFrozen(RESPONSIBILITY_TYPES)).toBe(true);
  });
});

describe('parseResponsibility', () => {
  it.each(Object.entries(RESPONSIBILITY_TYPES).flatMap(([label, code]) => [
    [`${label}责任：按要求办理。`, label, code],
    [`${label}责任: 按要求办理。`, label, code],
  ]))('types %j', (statement, label, code) => {
    expect(parseResponsibility(statement)).toEqual({
      responsibility: { type: code, label, text: '按要求办理。' },
      issue: null,
    });
  });

  it.each<[string, string, string]>([
    ['spaces around the colon', '审核责任 ： 及时审核。', '及时审核。'],
    ['no space after half-width colon', '受理责任:按程序受理。', '按程序受理。'],
    ['text containing further colons', '决策责任：决定：甲。', '决定：甲。'],
  ])('prefix with %s', (_name, statement, text) => {
    expect(parseResponsibility(statement).responsibility.text).toBe(text);
  });

  it('keeps an unknown type with its label and flags it', () => {
    expect(parseResponsibility('保密责任：落实保密要求。')).toEqual({
      responsibility: { type: null, label: '保密', text: '落实保密要求。' },
      issue: 'UNKNOWN_RESPONSIBILITY_TYPE',
    });
  });

  it('treats 其它 as 其他 but keeps the label as written', () => {
    expect(parseResponsibility('其它责任：归档。').responsibility).toEqual({ type: 'OTHER', label: '其它', text: '归档。' });
  });

  it.each([
    '按时完成上级交办的其他任务。',
    '负责本岗位的工作责任：见附件', // eight characters before 责任 is a sentence, not a label
    '，责任：缺少标签',
  ])('flags a statement without an X责任： prefix: %j', (statement) => {
    expect(parseResponsibility(statement)).toEqual({
      responsibility: { type: null, label: '', text: statement },
      issue: 'UNTYPED_RESPONSIBILITY',
    });
  });
});

describe('splitResponsibilityStatements', () => {
  it.each<[string, string, string[]]>([
    ['numbered', '1. 决策责任：甲。 2. 审核责任：乙。', ['决策责任：甲。', '审核责任：乙。']],
    ['known types run together after 。', '执行责任：及时移送线索。请示报告责任：逐级请示报告。', ['执行责任：及时移送线索。', '请示报告责任：逐级请示报告。']],
    ['known types after ；', '受理责任：受理；审核责任：审核', ['受理责任：受理', '审核责任：审核']],
    ['unknown label after 。 is not a boundary', '执行责任：执行。保密责任：保密。', ['执行责任：执行。保密责任：保密。']],
    ['known label mid-sentence is not a boundary', '执行责任：承担审核责任：按规定。', ['执行责任：承担审核责任：按规定。']],
  ])('%s', (_name, cell, expected) => {
    expect(splitResponsibilityStatements(cell)).toEqual(expected);
  });
});

describe('label length', () => {
  it.each<[string, string | null]>([
    ['廉政风险防控责任：落实要求。', '廉政风险防控'],
    ['负责本岗位的工作责任：见附件', null],
  ])('%j → label %p', (statement, label) => {
    const { responsibility } = parseResponsibility(statement);
    expect(responsibility.label || null).toBe(label);
  });
});
