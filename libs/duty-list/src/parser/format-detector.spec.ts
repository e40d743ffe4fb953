import { DutyListParseError } from './duty-list-parse.error.js';
import { detectTextFormat, isZip } from './format-detector.js';

describe('detectTextFormat', () => {
  const TAB_HEADER = '序号\t岗位名称\t工作事项\t岗位职能描述\t岗位职责描述\t工作流程\t备注';
  const CSV_HEADER = '序号,岗位名称,工作事项,岗位职能描述,岗位责任描述,工作流程,备注';

  it.each<[string, string, string, string]>([
    ['tab header in a .txt', `标题\n${TAB_HEADER}\n`, 'a.txt', 'text'],
    ['tab header in a .csv (content wins)', `标题\n${TAB_HEADER}\n`, 'a.csv', 'text'],
    ['comma header in a .txt (content wins)', `${CSV_HEADER}\n`, 'a.txt', 'csv'],
    ['comma header without extension', `内设机构名称：X\n${CSV_HEADER}\r\n`, 'upload', 'csv'],
    ['quoted comma header', '"序号","岗位名称","工作事项","职能描述","责任描述"\n', 'a.txt', 'csv'],
    ['header after 10 preamble lines', `${'说明\n'.repeat(10)}${CSV_HEADER}`, 'a.txt', 'csv'],
    ['no header: .csv extension decides', '甲,乙\n', 'a.CSV', 'csv'],
    ['no header: anything else is text', '甲,乙\n', 'a.dat', 'text'],
    ['header readable both ways: extension breaks the tie (.csv)', '岗位名称\t工作事项\t,岗位名称,工作事项', 'a.csv', 'csv'],
    ['header readable both ways: extension breaks the tie (.txt)', '岗位名称\t工作事项\t,岗位名称,工作事项', 'a.txt', 'text'],
  ])('%s', (_name, text, fileName, format) => {
    expect(detectTextFormat(text, fileName)).toBe(format);
  });
});

describe('isZip', () => {
  it.each<[string, number[], boolean]>([
    ['ZIP signature', [0x50, 0x4b, 0x03, 0x04, 0x14], true],
    ['text', [0x61, 0x62], false],
    ['short input', [0x50, 0x4b], false],
  ])('%s → %p', (_name, bytes, expected) => {
    expect(isZip(Buffer.from(bytes), 'a')).toBe(expected);
  });

  it.each<[string, number[]]>([
    ['legacy .xls/.doc (OLE)', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00]],
    ['PDF', [...Buffer.from('%PDF-1.7\n')]],
  ])('rejects %s as UNSUPPORTED_FORMAT', (_name, bytes) => {
    expect(() => isZip(Buffer.from(bytes), 'a.xls')).toThrow(DutyListParseError);
    expect(() => isZip(Buffer.from(bytes), 'a.xls')).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_FORMAT' }));
  });
});
