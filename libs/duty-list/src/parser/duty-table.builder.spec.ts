import { parseDutyList, type ParsedDutyList } from './index.js';

const HEADER = ['序号', '岗位名称', '工作事项', '岗位职能描述', '岗位责任描述', '工作流程', '备注'];
const CHIEF = ['1', '正职岗位', '主持全面工作', '1. 负责全面工作。', '1. 决策责任：决定。', '', ''];
const DEPUTY = ['2', '副职岗位', '协助负责全面工作', '1. 协助工作。', '1. 初核责任：初核。', '', ''];
const officer = (n: number, remark = '') => [String(n + 2), `业务岗${n}：业务${n}`, '一、业务', '1. 办理。', '1. 执行责任：执行。', '', remark];

/** Tab-separated manual: line 1 title, line 2 unit, line 3 header, data from line 4. */
function manual(rows: string[][], preamble: string[] = ['标题', '内设机构名称：测试科']): Buffer {
  return Buffer.from([...preamble, HEADER.join('\t'), ...rows.map((r) => r.join('\t'))].join('\n'));
}

const parse = (bytes: Buffer, fileName = 'test.txt'): Promise<ParsedDutyList> => parseDutyList({ fileName, bytes });
const codes = (result: ParsedDutyList) => result.warnings.map((w) => w.code);

describe('rows and posts', () => {
  it('attaches continuation rows (empty 序号 and 岗位名称) to the post above', async () => {
    const result = await parse(manual([CHIEF, ['', '', '二、第二项', '甲。', '执行责任：乙。', '', '']]));
    expect(result.posts).toHaveLength(1);
    expect(result.posts[0]!.workItems.map((i) => [i.seq, i.title, i.line])).toEqual([[1, '主持全面工作', 4], [2, '第二项', 5]]);
  });

  it('treats a repeated post name (and 序号) as the same post', async () => {
    const result = await parse(manual([CHIEF, [...CHIEF.slice(0, 2), '二、第二项', '甲。', '执行责任：乙。', '', '']]));
    expect(result.posts.map((p) => p.workItems.length)).toEqual([2]);
    expect(result.warnings).toEqual([]);
  });

  it('warns when a repeated post code comes with a different name', async () => {
    const result = await parse(manual([officer(1), ['3', '业务岗1：另一个名字', '二、事项', '甲。', '执行责任：乙。', '', '']]));
    expect(result.posts).toHaveLength(1);
    expect(result.warnings.find((w) => w.code === 'POST_NAME_MISMATCH')).toMatchObject({ line: 5, column: '岗位名称' });
  });

  it('numbers un-numbered items by position and warns when the numbering goes backwards', async () => {
    const result = await parse(
      manual([
        CHIEF,
        ['', '', '另一项', '甲。', '执行责任：乙。', '', ''],
        ['', '', '一、回到一', '甲。', '执行责任：乙。', '', ''],
      ]),
    );
    expect(result.posts[0]!.workItems.map((i) => i.seq)).toEqual([1, 2, 1]);
    expect(result.warnings).toMatchObject([{ code: 'ITEM_NUMBER_OUT_OF_ORDER', line: 6 }]);
  });

  it('uses the position as seq when 序号 is missing or not a number', async () => {
    const result = await parse(manual([['', ...CHIEF.slice(1)], ['第二', ...DEPUTY.slice(1)]]));
    expect(result.posts.map((p) => p.seq)).toEqual([1, 2]);
    expect(result.warnings).toMatchObject([{ code: 'INVALID_SEQ', line: 5, column: '序号' }]);
  });

  it('keeps remarks as cleaned text', async () => {
    const result = await parse(manual([[...CHIEF.slice(0, 6), '<p>每季度&nbsp;报送</p>'], DEPUTY]));
    expect(result.posts.map((p) => p.workItems[0]!.remarks)).toEqual(['每季度 报送', null]);
  });

  it('remaps columns at every repeated header, whatever its wording and order', async () => {
    const swapped = ['序号', '岗位名称', '工作事项', '岗位责任描述', '岗位职能描述', '备注', '工作流程'];
    const bytes = Buffer.from(
      ['内设机构名称：测试科', HEADER.join('\t'), CHIEF.join('\t'), swapped.join('\t'), ['2', '副职岗位', '协助', '初核责任：初核。', '协助工作。', '备注文字', '详见07-9'].join('\t')].join('\n'),
    );
    const deputy = (await parse(bytes)).posts[1]!.workItems[0]!;
    expect(deputy).toMatchObject({ functions: ['协助工作。'], workflowRefs: ['07-9'], remarks: '备注文字' });
    expect(deputy.responsibilities).toEqual([{ type: 'PRELIMINARY_REVIEW', label: '初核', text: '初核。' }]);
  });

  it('warns once about an unknown column even when the header repeats', async () => {
    const header = [...HEADER, '联系电话'].join('\t');
    const bytes = Buffer.from(['内设机构名称：测试科', header, [...CHIEF, '123'].join('\t'), header, [...DEPUTY, '456'].join('\t')].join('\n'));
    const result = await parse(bytes);
    expect(result.warnings).toMatchObject([{ code: 'UNKNOWN_COLUMN', line: 2, column: '联系电话' }]);
    expect(result.warnings[0]!.message).toBe('test.txt 第2行 第8列（联系电话）：无法识别或重复的列“联系电话”，该列内容已忽略');
  });

  it.each<[string, string[], string]>([
    ['empty function cell', [...CHIEF.slice(0, 3), '', ...CHIEF.slice(4)], 'EMPTY_FUNCTIONS'],
    ['empty responsibility cell', [...CHIEF.slice(0, 4), '', ...CHIEF.slice(5)], 'EMPTY_RESPONSIBILITIES'],
    ['workflow text without a flow-chart number', [...CHIEF.slice(0, 5), '按局流程', ''], 'UNRECOGNISED_WORKFLOW'],
  ])('warns about an %s', async (_name, row, code) => {
    expect(codes(await parse(manual([row])))).toContain(code);
  });
});

describe('preamble and unit name', () => {
  it.each<[string, string[], string | null, string]>([
    ['full-width colon', ['标题', '内设机构名称：国土空间规划科'], '标题', '国土空间规划科'],
    ['half-width colon with spaces', ['标题', '内设机构名称 : 耕地保护监督科 '], '标题', '耕地保护监督科'],
    ['label and value in separate cells', ['内设机构名称\t耕地保护监督科'], null, '耕地保护监督科'],
    ['unit before title', ['内设机构名称：甲科', '某局履职清单'], '某局履职清单', '甲科'],
    ['科室名称 label', ['科室名称：乙科'], null, '乙科'],
  ])('reads the unit from %s', async (_name, preamble, title, unitName) => {
    const result = await parse(manual([CHIEF], preamble));
    expect([result.title, result.unitName]).toEqual([title, unitName]);
  });

  it('ignores further preamble lines with a warning', async () => {
    const result = await parse(manual([CHIEF], ['标题', '副标题', '内设机构名称：甲科']));
    expect(result.title).toBe('标题');
    expect(result.warnings).toMatchObject([{ code: 'IGNORED_ROW', line: 2 }]);
  });

  it('accepts the same unit line repeated before a later table', async () => {
    const bytes = Buffer.from(['内设机构名称：甲科', HEADER.join('\t'), CHIEF.join('\t'), '内设机构名称：甲科', HEADER.join('\t'), DEPUTY.join('\t')].join('\n'));
    expect((await parse(bytes)).posts).toHaveLength(2);
  });

  it('ignores a stray line inside the table with a warning', async () => {
    const result = await parse(manual([CHIEF, ['注：以上为正职岗位'], DEPUTY]));
    expect(result.posts).toHaveLength(2);
    expect(result.warnings).toMatchObject([{ code: 'IGNORED_ROW', line: 5 }]);
  });
});

describe('reporting lines', () => {
  it('defaults to officer → deputy → chief', async () => {
    const result = await parse(manual([CHIEF, DEPUTY, officer(1), officer(2)]));
    expect(result.posts.map((p) => [p.code, p.reportsToCode])).toEqual([
      ['chief', null],
      ['deputy', 'chief'],
      ['officer-1', 'deputy'],
      ['officer-2', 'deputy'],
    ]);
  });

  it.each(['汇报至正职岗位', '直接向正职岗位汇报', '向正职报告', '直属上级：正职岗位'])('follows the remark %j on an officer row', async (remark) => {
    const result = await parse(manual([CHIEF, DEPUTY, officer(1, remark), officer(2)]));
    expect(result.posts.map((p) => p.reportsToCode)).toEqual([null, 'chief', 'chief', 'deputy']);
    expect(result.warnings).toEqual([]);
  });

  it('follows a remark on a continuation row of the post', async () => {
    const result = await parse(manual([CHIEF, DEPUTY, officer(1), ['', '', '二、另一项', '甲。', '执行责任：乙。', '', '汇报至正职岗位']]));
    expect(result.posts[2]!.reportsToCode).toBe('chief');
  });

  it('lets an officer report to another officer', async () => {
    const result = await parse(manual([CHIEF, DEPUTY, officer(1), officer(2, '汇报至业务岗1')]));
    expect(result.posts[3]!.reportsToCode).toBe('officer-1');
  });

  it('has officers report to the chief when there is no deputy', async () => {
    const result = await parse(manual([CHIEF, officer(1)]));
    expect(result.posts.map((p) => p.reportsToCode)).toEqual([null, 'chief']);
  });

  it('warns when there is no chief', async () => {
    const result = await parse(manual([DEPUTY, officer(1)]));
    expect(result.posts.map((p) => p.reportsToCode)).toEqual([null, 'deputy']);
    expect(codes(result)).toEqual(['MISSING_CHIEF']);
  });

  it.each<[string, string[][], string, (string | null)[]]>([
    ['a post that does not exist', [CHIEF, DEPUTY, officer(1, '汇报至业务岗9')], 'UNKNOWN_REPORTS_TO', [null, 'chief', 'deputy']],
    ['the post itself', [CHIEF, DEPUTY, officer(1, '汇报至业务岗1')], 'UNKNOWN_REPORTS_TO', [null, 'chief', 'deputy']],
    ['a superior for the chief', [[...CHIEF.slice(0, 6), '向副职汇报'], DEPUTY], 'IGNORED_REPORTS_TO', [null, 'chief']],
  ])('ignores a remark naming %s', async (_name, rows, code, reportsTo) => {
    const result = await parse(manual(rows));
    expect(result.posts.map((p) => p.reportsToCode)).toEqual(reportsTo);
    expect(codes(result)).toEqual([code]);
    expect(result.warnings[0]!.column).toBe('备注');
  });
});

describe('cooperation links', () => {
  it('links to an existing post and keeps the statement as a function', async () => {
    const row = ['4', '业务岗2：乙', '其他工作', '1. 归档。 2. 配合业务岗1。', '执行责任：执行。', '', ''];
    const item = (await parse(manual([CHIEF, DEPUTY, officer(1), row]))).posts[3]!.workItems[0]!;
    expect(item.functions).toEqual(['归档。', '配合业务岗1。']);
    expect(item.cooperations).toEqual([{ postCode: 'officer-1', text: '配合业务岗1。' }]);
  });

  it.each<[string, string]>([
    ['a post that does not exist', '配合业务岗7。'],
    ['the post itself', '配合业务岗1。'],
  ])('drops a link to %s with a warning, keeping the function', async (_name, statement) => {
    const row = ['3', '业务岗1：甲', '其他工作', statement, '执行责任：执行。', '', ''];
    const result = await parse(manual([CHIEF, DEPUTY, row]));
    expect(result.posts[2]!.workItems[0]).toMatchObject({ functions: [statement], cooperations: [] });
    expect(result.warnings).toMatchObject([{ code: 'UNKNOWN_COOPERATION_POST', line: 6 }]);
  });
});
