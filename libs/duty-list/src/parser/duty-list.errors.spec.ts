import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import { DutyListParseError, parseDutyList } from './index.js';

const HEADER = '序号\t岗位名称\t工作事项\t岗位职能描述\t岗位责任描述\t工作流程\t备注';
const CHIEF = '1\t正职岗位\t主持全面工作\t1. 负责全面工作。\t1. 决策责任：决定。\t\t';
const DEPUTY = '2\t副职岗位\t协助工作\t1. 协助。\t1. 初核责任：初核。\t\t';

const text = (...lines: string[]) => Buffer.from(lines.join('\n'));

async function parseError(bytes: Uint8Array, fileName = 'planning.txt', maxBytes?: number): Promise<DutyListParseError> {
  try {
    await parseDutyList({ fileName, bytes }, maxBytes === undefined ? {} : { maxBytes });
  } catch (e) {
    if (e instanceof DutyListParseError) return e;
    throw e;
  }
  throw new Error('expected parseDutyList to reject');
}

/** A minimal stored (uncompressed) ZIP archive holding the given files. */
function zip(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const nameBytes = Buffer.from(name);
    const data = Buffer.from(content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

async function xlsx(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('清单');
  rows.forEach((row) => sheet.addRow(row));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('DutyListParseError', () => {
  it('is an Error with a stable code and a Chinese message naming file, line and column', async () => {
    const error = await parseError(text('内设机构名称：测试科', '', '', HEADER, CHIEF, DEPUTY, '', '', '', '', '', '3\t科员岗\t事项\t甲。\t执行责任：乙。\t\t'));
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(DutyListParseError);
    expect(error.name).toBe('DutyListParseError');
    expect([error.code, error.file, error.line, error.column, error.columnName]).toEqual(['UNRESOLVED_POST', 'planning.txt', 12, 2, '岗位名称']);
    expect(error.message.startsWith('planning.txt 第12行 第2列（岗位名称）：无法识别岗位“科员岗”')).toBe(true);
  });
});

describe('parseDutyList rejects bad input', () => {
  it.each<[string, () => Promise<Uint8Array> | Uint8Array, { code: string; line?: number; column?: number | string; message: RegExp }]>([
    ['an empty file', () => Buffer.alloc(0), { code: 'EMPTY_FILE', message: /^planning\.txt：文件为空$/ }],
    ['a whitespace-only file', () => text('  ', '\t\t', ''), { code: 'EMPTY_FILE', message: /没有任何内容/ }],
    ['NUL bytes', () => Buffer.from([0x31, 0x00, 0x09, 0x00, 0x32]), { code: 'BINARY_FILE', message: /二进制/ }],
    ['mostly control characters', () => Buffer.from('\x01\x02\x03\x04\x05\x06\x07\x08岗位'), { code: 'BINARY_FILE', message: /控制字符/ }],
    ['bytes in no supported encoding', () => Buffer.concat([text(HEADER), Buffer.from([0xff, 0xfe, 0xff])]), { code: 'UNKNOWN_ENCODING', message: /无法识别文件编码/ }],
    ['a ZIP signature followed by garbage', () => Buffer.from('PK\x03\x04 this is not a zip archive'), { code: 'BINARY_FILE', message: /不是有效的 ZIP\/XLSX/ }],
    ['a truncated XLSX', async () => (await xlsx([['岗位名称']])).subarray(0, 200), { code: 'BINARY_FILE', message: /不是有效的 ZIP\/XLSX/ }],
    ['a corrupt XLSX whose entries do not decompress', () => zip({ '[Content_Types].xml': '<x', 'xl/workbook.xml': '<<<' }), { code: 'BINARY_FILE', message: /XLSX 文件已损坏/ }],
    ['a ZIP that is not a workbook (DOCX)', () => zip({ 'word/document.xml': '<w:document/>' }), { code: 'UNSUPPORTED_FORMAT', message: /不是 Excel 工作簿/ }],
    ['a legacy .xls', () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), { code: 'UNSUPPORTED_FORMAT', message: /旧版 Office/ }],
    ['a file without a header row', () => text('内设机构名称：测试科', '1\t正职岗位\t主持'), { code: 'MISSING_COLUMNS', message: /未找到表头行/ }],
    ['a header without 工作事项', () => text('内设机构名称：测试科', '序号\t岗位名称\t岗位职能描述\t岗位责任描述', '1\t正职岗位\t甲\t乙'), { code: 'MISSING_COLUMNS', line: 2, message: /^planning\.txt 第2行：表头缺少必需的列：“工作事项”$/ }],
    ['a header with one description column', () => text('序号\t岗位名称\t工作事项\t岗位职责描述'), { code: 'MISSING_COLUMNS', line: 1, message: /“岗位责任描述”/ }],
    ['no unit name at all', () => text('标题', HEADER, CHIEF), { code: 'MISSING_UNIT_NAME', message: /未找到“内设机构名称：XXX”/ }],
    ['an empty unit name', () => text('内设机构名称：', HEADER, CHIEF), { code: 'MISSING_UNIT_NAME', line: 1, column: 1, message: /没有填写/ }],
    ['two different unit names', () => text('内设机构名称：甲科', HEADER, CHIEF, '内设机构名称：乙科', HEADER, DEPUTY), { code: 'MULTIPLE_UNITS', line: 4, column: 1, message: /“乙科”与第1行的“甲科”不一致/ }],
    ['a continuation row before any post', () => text('内设机构名称：测试科', HEADER, '\t\t二、事项\t甲。\t执行责任：乙。\t\t'), { code: 'INVALID_ROW', line: 3, column: 2, message: /第3行 第2列（岗位名称）：续行之前没有岗位/ }],
    ['a new 序号 without a post name', () => text('内设机构名称：测试科', HEADER, CHIEF, '2\t\t事项\t甲。\t执行责任：乙。\t\t'), { code: 'INVALID_ROW', line: 4, column: 2, message: /序号为 2 的行缺少岗位名称/ }],
    ['a row without 工作事项', () => text('内设机构名称：测试科', HEADER, '1\t正职岗位\t\t甲。\t决策责任：乙。\t\t'), { code: 'INVALID_ROW', line: 3, column: 3, message: /第3列（工作事项）：缺少工作事项/ }],
    ['statements without a work item', () => text('内设机构名称：测试科', HEADER, CHIEF, '\t\t\t3. 遗漏的职能。\t\t\t'), { code: 'INVALID_ROW', line: 4, column: 3, message: /缺少工作事项/ }],
    ['a row wider than its header', () => text('内设机构名称：测试科', HEADER, `${CHIEF}\t\t多出的内容`), { code: 'INVALID_ROW', line: 3, column: 9, message: /第9列有内容，但表头只有7列/ }],
    ['an unknown post name', () => text('内设机构名称：测试科', HEADER, '1\t科员岗\t事项\t甲。\t执行责任：乙。\t\t'), { code: 'UNRESOLVED_POST', line: 3, column: 2, message: /无法识别岗位“科员岗”/ }],
    ['the same post twice', () => text('内设机构名称：测试科', HEADER, CHIEF, DEPUTY, '3\t正职岗位\t再来\t甲。\t执行责任：乙。\t\t'), { code: 'DUPLICATE_POST', line: 5, column: 2, message: /岗位“正职岗位”已在第3行出现过/ }],
    ['a header and no posts', () => text('内设机构名称：测试科', HEADER), { code: 'NO_POSTS', message: /没有任何岗位/ }],
  ])('%s', async (_name, bytes, expected) => {
    const error = await parseError(await bytes());
    expect(error.code).toBe(expected.code);
    expect(error.line).toBe(expected.line);
    expect(error.column).toBe(expected.column);
    expect(error.message).toMatch(expected.message);
  });

  it('rejects a file over maxBytes before decoding it', async () => {
    // Zero bytes would be BINARY_FILE if decoded: FILE_TOO_LARGE proves the size check comes first.
    const error = await parseError(Buffer.alloc(101), 'big.txt', 100);
    expect([error.code, error.file]).toEqual(['FILE_TOO_LARGE', 'big.txt']);
    expect(error.message).toBe('big.txt：文件大小 101 字节 超过上限 100 字节');
  });

  it('applies a 5 MiB limit by default', async () => {
    const tooLarge = await parseError(Buffer.alloc(5 * 1024 * 1024 + 1));
    expect(tooLarge.code).toBe('FILE_TOO_LARGE');
    expect(tooLarge.message).toBe('planning.txt：文件大小 5.0 MiB 超过上限 5.0 MiB');
    // Exactly at the limit is allowed through to decoding (and fails there for other reasons).
    expect((await parseError(Buffer.alloc(5 * 1024 * 1024))).code).toBe('BINARY_FILE');
  });

  it('accepts a file of exactly maxBytes', async () => {
    const bytes = text('内设机构名称：测试科', HEADER, CHIEF);
    await expect(parseDutyList({ fileName: 'a.txt', bytes }, { maxBytes: bytes.length })).resolves.toMatchObject({ unitName: '测试科' });
  });

  it('reports CSV line numbers and column names the same way', async () => {
    const csv = Buffer.from('内设机构名称：测试科\n序号,岗位名称,工作事项,岗位职能描述,岗位责任描述\n1,"正职岗位","主持","甲\n乙。",决策责任：丙。\n2,科员岗,事项,甲。,执行责任：乙。\n');
    const error = await parseError(csv, 'planning.csv');
    expect([error.code, error.line, error.column]).toEqual(['UNRESOLVED_POST', 5, 2]);
    expect(error.message).toMatch(/^planning\.csv 第5行 第2列（岗位名称）：无法识别岗位“科员岗”/);
  });

  it('rejects a unit column that disagrees with the unit line', async () => {
    const csv = Buffer.from('内设机构名称：甲科\n序号,岗位名称,工作事项,岗位职能描述,岗位责任描述,内设机构名称\n1,正职岗位,主持,甲。,决策责任：乙。,乙科\n');
    const error = await parseError(csv, 'planning.csv');
    expect([error.code, error.line, error.column, error.columnName]).toEqual(['MULTIPLE_UNITS', 3, 6, '内设机构名称']);
  });

  it('rejects a CSV with an unterminated quote', async () => {
    const csv = Buffer.from('内设机构名称：测试科\n序号,岗位名称,工作事项,岗位职能描述,岗位责任描述\n1,正职岗位,"主持,甲,乙\n');
    const error = await parseError(csv, 'planning.csv');
    expect(error.code).toBe('INVALID_ROW');
    expect(error.message).toMatch(/^planning\.csv.*CSV 格式错误/);
  });

  it('reports XLSX row numbers', async () => {
    const bytes = await xlsx([['内设机构名称', '测试科'], ['序号', '岗位名称', '工作事项', '岗位职能描述', '岗位责任描述'], ['1', '业务岗：无编号', '事项', '甲。', '执行责任：乙。']]);
    const error = await parseError(bytes, 'planning.xlsx');
    expect([error.code, error.line, error.column]).toEqual(['UNRESOLVED_POST', 3, 2]);
  });

  it('rejects an XLSX with no content', async () => {
    const bytes = await xlsx([]);
    expect((await parseError(bytes, 'empty.xlsx')).code).toBe('EMPTY_FILE');
  });
});
