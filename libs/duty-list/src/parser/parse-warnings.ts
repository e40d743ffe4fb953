import { describeLocation, type SourceLocation } from './duty-list-parse.error.js';
import type { ParseWarning } from './parsed-duty-list.types.js';

/** Collects non-fatal findings with the same file/line/column wording as errors. */
export class ParseWarnings {
  readonly list: ParseWarning[] = [];

  constructor(private readonly file: string) {}

  add(code: string, detail: string, location: SourceLocation = {}): void {
    const warning: ParseWarning = { code, message: `${describeLocation(this.file, location)}：${detail}` };
    if (location.line !== undefined) warning.line = location.line;
    if (location.columnName !== undefined) warning.column = location.columnName;
    this.list.push(warning);
  }
}
