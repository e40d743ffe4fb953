import { classifyHeaderCell, isHeaderRow, mapHeader } from './header-columns.js';

const roleIndexes = (cells: string[]) =>
  Object.fromEntries(Object.entries(mapHeader(cells).columns).map(([role, column]) => [role, column.index]));

describe('mapHeader', () => {
  it.each<[string, string[]]>([
    ['职能描述 / 职责描述 (source table 1)', ['序号', '岗位名称', '工作事项', '岗位职能描述', '岗位职责描述', '工作流程', '备注']],
    ['职责描述 / 责任描述 (source table 2)', ['序号', '岗位名称', '工作事项', '岗位职责描述', '岗位责任描述', '工作流程', '备注']],
    ['职责描述 twice: by position', ['序号', '岗位名称', '工作事项', '职责描述', '职责描述', '工作流程', '备注']],
    ['short synonyms', ['编号', '岗位', '事项', '职能', '责任', '流程', '说明']],
    ['spaces inside labels', ['序 号', '岗位 名称', '工作 事项', '岗位职能 描述', '岗位责任 描述', '工作 流程', '备 注']],
    ['any other X描述 pair', ['序号', '岗位名称', '工作事项', '岗位工作描述', '岗位任务描述', '工作流程', '备注']],
  ])('maps %s', (_name, cells) => {
    expect(roleIndexes(cells)).toEqual({ seq: 0, post: 1, item: 2, functions: 3, responsibilities: 4, workflow: 5, remarks: 6 });
    expect(mapHeader(cells).missing).toEqual([]);
  });

  it('lets unambiguous names win over position', () => {
    const cells = ['岗位名称', '工作事项', '岗位责任描述', '岗位职能描述'];
    expect(roleIndexes(cells)).toEqual({ post: 0, item: 1, responsibilities: 2, functions: 3 });
  });

  it('places 职责描述 in whichever description role is still free', () => {
    expect(roleIndexes(['岗位名称', '工作事项', '岗位责任描述', '岗位职责描述'])).toMatchObject({ responsibilities: 2, functions: 3 });
    expect(roleIndexes(['岗位名称', '工作事项', '岗位职能描述', '岗位职责描述'])).toMatchObject({ functions: 2, responsibilities: 3 });
  });

  it('maps a 内设机构名称 column anywhere', () => {
    expect(roleIndexes(['内设机构名称', '序号', '岗位名称', '工作事项', '职能描述', '责任描述'])).toMatchObject({ unit: 0, seq: 1, post: 2 });
  });

  it('reports unknown and repeated columns as ignored', () => {
    const header = mapHeader(['岗位名称', '工作事项', '职能描述', '责任描述', '联系电话', '岗位名称', '职责描述']);
    expect(header.ignored).toEqual([
      { index: 4, label: '联系电话' },
      { index: 5, label: '岗位名称' },
      { index: 6, label: '职责描述' },
    ]);
  });

  it.each<[string[], string[]]>([
    [['序号', '岗位名称', '岗位职能描述', '岗位责任描述'], ['item']],
    [['序号', '岗位名称', '工作事项', '岗位职责描述'], ['responsibilities']],
    [['序号', '岗位名称', '工作事项'], ['functions', 'responsibilities']],
  ])('lists missing required roles for %j', (cells, missing) => {
    expect(mapHeader(cells).missing).toEqual(missing);
  });
});

describe('isHeaderRow / classifyHeaderCell', () => {
  it.each<[string[], boolean]>([
    [['序号', '岗位名称', '工作事项', '岗位职能描述', '岗位职责描述', '工作流程', '备注'], true],
    [['岗位名称', '工作事项'], true],
    [['1', '正职岗位', '主持科室全面工作', '1. 负责全面工作。', '1. 决策责任：决定。', '', ''], false],
    [['岗位名称'], false],
    [['市自然资源和规划局定岗定责定流程管理手册（履职清单）'], false],
  ])('%j → %p', (cells, expected) => {
    expect(isHeaderRow(cells)).toBe(expected);
  });

  it.each<[string, string | null]>([
    ['岗位职责描述', 'description'],
    ['岗位职能描述', 'functions'],
    ['岗位责任描述', 'responsibilities'],
    ['ＸＸ描述', 'description'],
    ['内设机构', 'unit'],
    ['', null],
    ['联系电话', null],
  ])('%j → %p', (label, cls) => {
    expect(classifyHeaderCell(label)).toBe(cls);
  });
});
