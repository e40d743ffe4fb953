export type DutyListParseErrorCode =
  | 'EMPTY_FILE'
  | 'FILE_TOO_LARGE'
  | 'ARCHIVE_TOO_LARGE'
  | 'SHEET_TOO_LARGE'
  | 'TOO_COMPLEX'
  | 'UNKNOWN_ENCODING'
  | 'BINARY_FILE'
  | 'UNSUPPORTED_FORMAT'
  | 'MISSING_UNIT_NAME'
  | 'MULTIPLE_UNITS'
  | 'MISSING_COLUMNS'
  | 'UNRESOLVED_POST'
  | 'DUPLICATE_POST'
  | 'INVALID_ROW'
  | 'NO_POSTS';

/** Where in the file something happened; every part is optional because not every check knows it. */
export interface SourceLocation {
  /** 1-based line (text/CSV) or row (XLSX). */
  line?: number;
  /** 1-based column position. */
  column?: number;
  /** Header label of the column as written in the file, e.g. `岗位名称`. */
  columnName?: string;
}

/** `planning.txt 第12行 第2列（岗位名称）` — the prefix shared by error and warning messages. */
export function describeLocation(file: string, location: SourceLocation = {}): string {
  let text = file;
  if (location.line !== undefined) text += ` 第${location.line}行`;
  if (location.column !== undefined) {
    text += ` 第${location.column}列`;
    if (location.columnName) text += `（${location.columnName}）`;
  } else if (location.columnName) {
    text += ` “${location.columnName}”列`;
  }
  return text;
}

/**
 * The only error the parser throws for bad input. `code` is stable for programs; `message` is Chinese
 * and names file, line and column so an uploader can fix the source document.
 */
export class DutyListParseError extends Error {
  readonly line?: number;
  /** 1-based column position when known, otherwise the column name when only that is known. */
  readonly column?: number | string;
  readonly columnName?: string;

  constructor(
    readonly code: DutyListParseErrorCode,
    readonly file: string,
    readonly detail: string,
    location: SourceLocation = {},
    /** The limit a too large or too complex file broke, named as in XLSX_LIMITS / ZipLimits. */
    readonly limit?: { name: string; value: number },
  ) {
    super(`${describeLocation(file, location)}：${detail}`);
    this.name = 'DutyListParseError';
    this.line = location.line;
    this.column = location.column ?? location.columnName;
    this.columnName = location.columnName;
  }
}
