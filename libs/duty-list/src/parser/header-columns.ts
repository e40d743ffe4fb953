export type ColumnRole = 'seq' | 'post' | 'item' | 'functions' | 'responsibilities' | 'workflow' | 'remarks' | 'unit';

/** Canonical label of each role, used in messages. */
export const COLUMN_LABELS: Readonly<Record<ColumnRole, string>> = {
  seq: '序号',
  post: '岗位名称',
  item: '工作事项',
  functions: '岗位职能描述',
  responsibilities: '岗位责任描述',
  workflow: '工作流程',
  remarks: '备注',
  unit: '内设机构名称',
};

export const REQUIRED_ROLES: readonly ColumnRole[] = ['post', 'item', 'functions', 'responsibilities'];

const SYNONYMS: Readonly<Record<ColumnRole, readonly string[]>> = {
  seq: ['序号', '编号', '岗位序号'],
  post: ['岗位名称', '岗位', '岗位名'],
  item: ['工作事项', '事项', '工作事项名称', '主要工作事项', '工作任务'],
  functions: ['岗位职能描述', '职能描述', '岗位职能', '职能', '工作职能'],
  responsibilities: ['岗位责任描述', '责任描述', '岗位责任', '责任', '履职责任'],
  workflow: ['工作流程', '流程', '流程图', '工作流程图', '流程编号'],
  remarks: ['备注', '说明'],
  unit: ['内设机构名称', '内设机构', '机构名称', '科室名称', '科室', '处室名称', '处室'],
};

// 职责 means either; which one is decided by position (see mapHeader).
const AMBIGUOUS_DESCRIPTIONS = ['岗位职责描述', '职责描述', '岗位职责', '职责'];

type HeaderClass = ColumnRole | 'description' | null;

function normaliseLabel(label: string): string {
  return label.normalize('NFKC').replace(/\s+/g, '');
}

export function classifyHeaderCell(label: string): HeaderClass {
  const key = normaliseLabel(label);
  if (!key) return null;
  for (const [role, names] of Object.entries(SYNONYMS) as [ColumnRole, readonly string[]][]) {
    if (names.includes(key)) return role;
  }
  if (AMBIGUOUS_DESCRIPTIONS.includes(key) || key.endsWith('描述')) return 'description';
  return null;
}

/** A header row names the post column and at least one other known column. */
export function isHeaderRow(cells: readonly string[]): boolean {
  const classes = cells.map(classifyHeaderCell);
  return classes.includes('post') && classes.filter((c) => c !== null && c !== 'post').length >= 1;
}

export interface HeaderColumn {
  /** 0-based index in the row. */
  index: number;
  label: string;
}

export interface HeaderMap {
  columns: Partial<Record<ColumnRole, HeaderColumn>>;
  missing: ColumnRole[];
  /** Labels that map to no role (ignored) or repeat a role already taken. */
  ignored: HeaderColumn[];
}

/**
 * Maps header cells to roles by synonym, then by position: the two description columns (`X描述`,
 * `Y描述`) are functions then responsibilities. Unambiguous names (职能 / 责任) are placed first so a
 * `岗位职责描述` column takes whichever of the two is still free, in column order.
 */
export function mapHeader(cells: readonly string[]): HeaderMap {
  const columns: Partial<Record<ColumnRole, HeaderColumn>> = {};
  const ignored: HeaderColumn[] = [];
  const descriptions: HeaderColumn[] = [];
  cells.forEach((raw, index) => {
    const label = raw.trim();
    const cls = classifyHeaderCell(label);
    if (cls === null) {
      if (label) ignored.push({ index, label });
    } else if (cls === 'description') {
      descriptions.push({ index, label });
    } else if (columns[cls]) {
      ignored.push({ index, label });
    } else {
      columns[cls] = { index, label };
    }
  });
  for (const column of descriptions) {
    const free = (['functions', 'responsibilities'] as const).find((role) => !columns[role]);
    if (free) columns[free] = column;
    else ignored.push(column);
  }
  const missing = REQUIRED_ROLES.filter((role) => !columns[role]);
  return { columns, missing, ignored };
}
