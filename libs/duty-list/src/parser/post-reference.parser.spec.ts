import { findCooperationCodes, findReportsToCode, postCodeOfReference } from './post-reference.parser.js';

describe('findCooperationCodes', () => {
  it.each<[string, string[]]>([
    ['配合业务岗1。', ['officer-1']],
    ['2. 配合业务岗2。', ['officer-2']],
    ['配合业务岗1、业务岗3开展补充耕地核查。', ['officer-1', 'officer-3']],
    ['配合业务岗 2 和业务岗4完成任务', ['officer-2', 'officer-4']],
    ['协助正职岗位做好统筹工作', ['chief']],
    ['配合副职完成日常工作', ['deputy']],
    ['配合业务岗一。', ['officer-1']],
    ['配合业务岗1，并再次配合业务岗1。', ['officer-1']],
    ['协助负责科室全面工作', []],
    ['配合相关部门开展工作', []],
    ['负责业务岗1的档案', []],
  ])('%j → %j', (statement, codes) => {
    expect(findCooperationCodes(statement)).toEqual(codes);
  });
});

describe('findReportsToCode', () => {
  it.each<[string, string | null]>([
    ['汇报至正职岗位', 'chief'],
    ['直接向正职岗位汇报', 'chief'],
    ['向副职报告', 'deputy'],
    ['报告给业务岗1', 'officer-1'],
    ['本岗位汇报到 正职', 'chief'],
    ['直属上级：正职岗位', 'chief'],
    ['上级为副职岗位', 'deputy'],
    ['需每季度报送核查情况', null],
    ['配合业务岗1', null],
    ['向省厅汇报', null],
  ])('%j → %p', (remark, code) => {
    expect(findReportsToCode(remark)).toBe(code);
  });
});

describe('postCodeOfReference', () => {
  it.each<[string, string | null]>([
    ['正职岗位', 'chief'],
    ['副职', 'deputy'],
    ['业务岗位 3', 'officer-3'],
    ['科员', null],
  ])('%j → %p', (mention, code) => {
    expect(postCodeOfReference(mention)).toBe(code);
  });
});
