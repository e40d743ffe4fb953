import { DomainError } from '#libs/core';
import { DutyListParseError } from '../parser/duty-list-parse.error.js';

export const DutyListImportErrorCode = {
  ORGANISATION_NOT_FOUND: 'ORGANISATION_NOT_FOUND',
} as const;

export class DutyListImportError extends DomainError {}

/** A parse failure as the API and CLI report it: the parser's code, file, line and column. */
export function toImportError(e: DutyListParseError): DutyListImportError {
  const tooLarge = e.code === 'FILE_TOO_LARGE' || e.code === 'ARCHIVE_TOO_LARGE' || e.code === 'TOO_COMPLEX';
  const kind = tooLarge ? 'PAYLOAD_TOO_LARGE' : 'INVALID';
  return new DutyListImportError(`DUTY_LIST_${e.code}`, kind, e.message, {
    file: e.file,
    line: e.line,
    column: e.column,
    columnName: e.columnName,
    ...(e.limit ? { limit: e.limit.name, limitValue: e.limit.value } : {}),
  });
}

export function organisationNotFound(code?: string): DutyListImportError {
  return new DutyListImportError(
    DutyListImportErrorCode.ORGANISATION_NOT_FOUND,
    'NOT_FOUND',
    code ? `单位“${code}”不存在` : '系统中没有唯一的单位，请指定单位编码',
    { organisation: code },
  );
}
