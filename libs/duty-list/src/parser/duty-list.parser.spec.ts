import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { parseDutyList, type ParsedDutyList, type ParsedPost } from './index.js';

const fixture = (name: string) => readFileSync(new URL(`../../test-fixtures/${name}`, import.meta.url));
const parseFixture = (name: string) => parseDutyList({ fileName: name, bytes: fixture(name) });

/** Posts with the line numbers removed, for comparing formats whose row numbering differs. */
function withoutLines(posts: ParsedPost[]) {
  return posts.map(({ line: _line, workItems, ...post }) => ({
    ...post,
    workItems: workItems.map(({ line: _itemLine, ...item }) => item),
  }));
}

/** The source manual as rows of cells, exactly as written. */
const sourceRows = (): string[][] =>
  fixture('planning-section.txt')
    .toString('utf8')
    .split('\n')
    .map((line) => line.split('\t'));

function toCsv(rows: string[][]): string {
  const quote = (cell: string) => (/[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return rows.map((cells) => cells.map(quote).join(',')).join('\r\n');
}

async function toXlsx(build: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('parseDutyList on the real source (planning-section.txt)', () => {
  let result: ParsedDutyList;
  beforeAll(async () => {
    result = await parseFixture('planning-section.txt');
  });

  it('reads title, unit, format and encoding without warnings', () => {
    expect(result).toMatchObject({
      title: '市自然资源和规划局定岗定责定流程管理手册（履职清单）',
      unitName: '国土空间规划科',
      format: 'text',
      encoding: 'utf-8',
      warnings: [],
    });
  });

  it('finds the six posts with codes, titles, reporting lines and lines', () => {
    expect(result.posts.map((p) => [p.seq, p.code, p.kind, p.name, p.title, p.reportsToCode, p.workItems.length, p.line])).toEqual([
      [1, 'chief', 'CHIEF', '正职岗位', '正职岗位', null, 1, 8],
      [2, 'deputy', 'DEPUTY', '副职岗位', '副职岗位', 'chief', 1, 9],
      [3, 'officer-1', 'OFFICER', '业务岗1：国土空间规划及专项规划工作', '国土空间规划及专项规划工作', 'deputy', 2, 10],
      [4, 'officer-2', 'OFFICER', '业务岗2: 村镇规划工作', '村镇规划工作', 'deputy', 1, 14],
      [5, 'officer-3', 'OFFICER', '业务岗3: 国土空间规划监督实施工作', '国土空间规划监督实施工作', 'deputy', 2, 15],
      [6, 'officer-4', 'OFFICER', '业务岗4: 规划设计行业资质管理、城乡规划委员会办公室工作', '规划设计行业资质管理、城乡规划委员会办公室工作', 'deputy', 3, 19],
    ]);
  });

  it('counts 10 work items, 22 function statements and 32 responsibility statements', () => {
    const items = result.posts.flatMap((p) => p.workItems);
    expect(items).toHaveLength(10);
    expect(items.flatMap((i) => i.functions)).toHaveLength(22);
    expect(items.flatMap((i) => i.responsibilities)).toHaveLength(32);
  });

  it('strips the 一、二、三、 numbering from work items and keeps its order', () => {
    expect(result.posts.map((p) => p.workItems.map((i) => [i.seq, i.title, i.line]))).toEqual([
      [[1, '主持科室全面工作', 8]],
      [[1, '协助负责科室全面工作', 9]],
      [[1, '市国土空间规划的编制和衔接工作', 10], [2, '市国土空间规划及相关专项规划的审核、报批工作', 11]],
      [[1, '指导全市镇规划、村庄规划的编制和实施管理工作', 14]],
      [[1, '空间规划评价评估工作。', 15], [2, '其他工作', 16]],
      [[1, '规划设计行业资质管理工作', 19], [2, '城乡规划委员会办公室日常工作', 20], [3, '其他工作', 21]],
    ]);
  });

  it('types every responsibility statement', () => {
    expect(result.posts.map((p) => p.workItems.map((i) => i.responsibilities.map((r) => r.type)))).toEqual([
      [['DECISION', 'REVIEW', 'REPORT']],
      [['PRELIMINARY_REVIEW', 'REPORT', 'EXECUTION', 'SUPERVISION']],
      [['ORGANISE_DRAFTING', 'COORDINATION'], ['REVIEW', 'SUBMIT_FOR_APPROVAL', 'COORDINATION', 'REQUEST_REPORT']],
      [['INTAKE', 'COORDINATION', 'REVIEW', 'REQUEST_REPORT', 'OTHER']],
      [['ORGANISE_IMPLEMENTATION', 'REVIEW_ACCEPTANCE', 'COORDINATION', 'REQUEST_REPORT'], ['EXECUTION', 'REQUEST_REPORT']],
      [
        ['ORGANISE_IMPLEMENTATION', 'SUMMARY_REPORT', 'REQUEST_REPORT'],
        ['ORGANISE_IMPLEMENTATION', 'SUMMARY_REPORT', 'REQUEST_REPORT'],
        ['EXECUTION', 'REQUEST_REPORT'],
      ],
    ]);
  });

  it('keeps statements faithful: plain numbered, <p> and <ol> cells', () => {
    const [chief, deputy, officer1, officer2, officer3, officer4] = result.posts;
    expect(chief!.workItems[0]!.functions).toEqual(['负责国土空间规划科全面工作。']);
    expect(chief!.workItems[0]!.responsibilities[0]).toEqual({ type: 'DECISION', label: '决策', text: '及时、准确决定科室工作。' });
    expect(deputy!.workItems[0]!.responsibilities[3]).toEqual({ type: 'SUPERVISION', label: '监督', text: '监督全市空间体系的实施工作' });
    expect(officer1!.workItems[1]!.functions[2]).toBe('指导和审核涉及国土空间开发利用的重大专项规划。');
    expect(officer2!.workItems[0]!.functions).toEqual([
      '负责国家、省、市村镇规划方面政策解读, 指导各区、市(县)规划行政主管部门做好镇(乡)、村规划编制、成果审查、上报等工作',
      '根据工作要求, 做好村镇规划编制规范化管理等工作。',
    ]);
    expect(officer2!.workItems[0]!.responsibilities[0]).toEqual({ type: 'INTAKE', label: '受理', text: '按程序受理镇村规划报批工作。' });
    expect(officer3!.workItems[0]!.functions[0]).toBe('开展国土空间开发适宜性评价');
    expect(officer4!.workItems[0]!.functions).toEqual(['拟定规划设计行业管理工作相关文件。', '承担规划行业和规划设计单位资质日常管理工作。']);
    expect(officer4!.workItems[0]!.responsibilities[1]).toEqual({
      type: 'SUMMARY_REPORT',
      label: '总结报告',
      text: '总结设计行业管理相关工作情况, 及时提出工作建议, 报领导审核后, 发布相关工作报告。',
    });
  });

  it('reads the workflow references 07-1, 07-2-1, 07-2-2 and 07-4', () => {
    const refs = result.posts.flatMap((p) => p.workItems.filter((i) => i.workflowRefs.length > 0).map((i) => [p.code, i.seq, i.workflowRefs]));
    expect(refs).toEqual([
      ['officer-1', 1, ['07-1']],
      ['officer-2', 1, ['07-2-1', '07-2-2']],
      ['officer-4', 1, ['07-4']],
    ]);
  });

  it('links the two 配合业务岗N statements and keeps them as functions', () => {
    const links = result.posts.flatMap((p) => p.workItems.flatMap((i) => i.cooperations.map((c) => [p.code, i.title, c.postCode, c.text])));
    expect(links).toEqual([
      ['officer-3', '其他工作', 'officer-1', '配合业务岗1。'],
      ['officer-4', '其他工作', 'officer-2', '配合业务岗2。'],
    ]);
    expect(result.posts[4]!.workItems[1]!.functions).toContain('配合业务岗1。');
  });

  it('has no remarks', () => {
    expect(result.posts.flatMap((p) => p.workItems.map((i) => i.remarks))).toEqual(Array(10).fill(null));
  });
});

describe('parseDutyList: the same source in other encodings and formats', () => {
  let reference: ParsedDutyList;
  beforeAll(async () => {
    reference = await parseFixture('planning-section.txt');
  });

  it.each([
    ['planning-section.bom.txt', 'utf-8-bom'],
    ['planning-section.gbk.txt', 'gb18030'],
  ])('%s decodes as %s and parses identically', async (name, encoding) => {
    const result = await parseFixture(name);
    expect(result.encoding).toBe(encoding);
    expect(result.format).toBe('text');
    expect(result.posts).toEqual(reference.posts);
  });

  it('parses the rows written as CSV identically (same line numbers)', async () => {
    const result = await parseDutyList({ fileName: 'planning.csv', bytes: Buffer.from(toCsv(sourceRows())) });
    expect(result).toMatchObject({ format: 'csv', encoding: 'utf-8', unitName: '国土空间规划科', title: reference.title, warnings: [] });
    expect(result.posts).toEqual(reference.posts);
  });

  it('parses the rows written as XLSX with merged, numeric, formula and rich-text cells identically', async () => {
    const rows = sourceRows();
    const bytes = await toXlsx((workbook) => {
      const sheet = workbook.addWorksheet('履职清单');
      rows.forEach((cells, i) => {
        const row = sheet.getRow(i + 1);
        cells.forEach((cell, c) => {
          row.getCell(c + 1).value = /^\d+$/.test(cell) ? Number(cell) : cell;
        });
      });
      sheet.mergeCells('A3:G3'); // title across the table
      sheet.mergeCells('B10:B11'); // 业务岗1 spans its two work items
      sheet.mergeCells('F10:F11'); // 详见07-1 belongs to the first item only
      sheet.getCell('A9').value = { formula: '1+1', result: 2 };
      sheet.getCell('D8').value = { richText: [{ text: '1. 负责' }, { font: { bold: true }, text: '国土空间规划科全面工作。' }] };
    });
    const result = await parseDutyList({ fileName: 'planning.xlsx', bytes });
    expect(result).toMatchObject({ format: 'xlsx', unitName: '国土空间规划科', title: reference.title, warnings: [] });
    expect(result.posts).toEqual(reference.posts);
  });

  it('reads an XLSX with the unit as a column, repeated post names and an extra sheet', async () => {
    const rows = sourceRows().filter((cells) => cells.length > 1);
    const bytes = await toXlsx((workbook) => {
      workbook.addWorksheet('填表说明').addRow(['请按模板填写']);
      const sheet = workbook.addWorksheet('清单');
      let post = '';
      let seq = '';
      for (const cells of rows) {
        if (cells[1] === '岗位名称') {
          sheet.addRow([...cells, '内设机构名称']);
          continue;
        }
        if (cells[1]) [seq, post] = [cells[0]!, cells[1]];
        sheet.addRow([seq, post, ...cells.slice(2), '国土空间规划科']);
      }
    });
    const result = await parseDutyList({ fileName: 'planning.xlsx', bytes });
    expect(result.title).toBeNull();
    expect(result.unitName).toBe('国土空间规划科');
    expect(result.warnings.map((w) => w.code)).toEqual(['IGNORED_SHEET']);
    expect(result.warnings[0]!.message).toContain('填表说明');
    expect(withoutLines(result.posts)).toEqual(withoutLines(reference.posts));
  });
});

describe('parseDutyList on the 耕地保护监督科 fixtures', () => {
  let reference: ParsedDutyList;
  beforeAll(async () => {
    reference = await parseFixture('farmland-protection.txt');
  });

  it('reads the unit from a half-width colon line and the CRLF tab text', () => {
    expect(reference).toMatchObject({ unitName: '耕地保护监督科', format: 'text', encoding: 'utf-8' });
    expect(reference.posts.map((p) => [p.code, p.title, p.reportsToCode])).toEqual([
      ['chief', '科长', null],
      ['deputy', '副职岗位', 'chief'],
      ['officer-1', '耕地占补平衡监管', 'deputy'],
      ['officer-2', '耕地保护督察', 'chief'], // 直接向正职岗位汇报
      ['officer-3', '耕地保护数据统计', 'deputy'], // 汇报至副职岗位 (same as the default)
    ]);
  });

  it('splits 1、 and （1） numbering, <ol><li> with entities, and run-together responsibilities', () => {
    const [chief, deputy, , officer2] = reference.posts;
    expect(chief!.workItems[0]!.functions).toEqual(['负责全市耕地保护监督工作的统筹谋划。', '负责科室日常管理工作。']);
    expect(deputy!.workItems[0]!.functions).toEqual(['协助科长负责耕地保护监督日常工作。', '负责耕地占补平衡 监管的组织协调工作。']);
    expect(deputy!.workItems[0]!.responsibilities[0]).toEqual({ type: 'PRELIMINARY_REVIEW', label: '初核', text: '初审科室文字材料<含统计报表>。' });
    expect(officer2!.workItems[1]!.responsibilities.map((r) => [r.type, r.text])).toEqual([
      ['EXECUTION', '及时移送线索。'],
      ['REQUEST_REPORT', '重大线索逐级请示报告。'],
    ]);
  });

  it('keeps the unknown and untyped responsibilities and warns about them', () => {
    expect(reference.posts[0]!.workItems[0]!.responsibilities[2]).toEqual({ type: null, label: '保密', text: '落实科室保密管理要求。' });
    expect(reference.posts[3]!.workItems[0]!.responsibilities[1]).toEqual({ type: null, label: '', text: '按时完成上级交办的其他任务。' });
    expect(reference.warnings.map((w) => [w.code, w.line, w.column])).toEqual([
      ['UNKNOWN_RESPONSIBILITY_TYPE', 7, '职责描述'],
      ['UNTYPED_RESPONSIBILITY', 13, '岗位责任描述'],
    ]);
  });

  it('reads （一）（二） items, remarks, refs and multi-post cooperation', () => {
    const officer1 = reference.posts[2]!;
    expect(officer1.workItems.map((i) => [i.seq, i.title, i.workflowRefs, i.remarks])).toEqual([
      [1, '耕地占补平衡指标核查', ['08-1'], '需每季度报送核查情况'],
      [2, '补充耕地项目验收', ['08-2-1', '08-2-2'], null],
    ]);
    expect(officer1.workItems[0]!.responsibilities.map((r) => r.text)).toEqual(['受理耕地占补平衡指标核查申请', '组织开展指标核查并出具意见']);
    expect(reference.posts[3]!.workItems[0]!.cooperations.map((c) => c.postCode)).toEqual(['officer-1', 'officer-3']);
    expect(reference.posts[4]!.workItems[0]!.cooperations).toEqual([{ postCode: 'officer-2', text: '配合业务岗2。' }]);
  });

  it.each([
    ['farmland-protection.gb18030.txt', 'text', 'gb18030'],
    ['farmland-protection.csv', 'csv', 'utf-8'],
    ['farmland-protection.unit-column.gbk.csv', 'csv', 'gb18030'],
  ])('%s parses to the same posts (%s, %s)', async (name, format, encoding) => {
    const result = await parseFixture(name);
    expect(result).toMatchObject({ format, encoding, unitName: '耕地保护监督科' });
    expect(result.warnings.map((w) => w.code)).toEqual(['UNKNOWN_RESPONSIBILITY_TYPE', 'UNTYPED_RESPONSIBILITY']);
    expect(withoutLines(result.posts)).toEqual(withoutLines(reference.posts));
  });

  it('reports the line a multi-line CSV record starts on', async () => {
    const result = await parseFixture('farmland-protection.csv');
    // The chief's record spans lines 4–7, the deputy's 8–10, 业务岗2's first item 13–15.
    expect(result.posts.map((p) => p.line)).toEqual([4, 8, 11, 13, 17]);
    expect(result.posts[3]!.workItems.map((i) => i.line)).toEqual([13, 16]);
    expect(result.warnings[0]).toMatchObject({ line: 4, column: '岗位责任描述' });
  });
});
