export { parseDutyList, DEFAULT_MAX_BYTES } from './duty-list.parser.js';
export { parseDutyListOffThread, PARSE_WORKER_LIMITS } from './parse-off-thread.js';
export { XLSX_LIMITS } from './xlsx-limits.js';
export { DutyListParseError, type DutyListParseErrorCode } from './duty-list-parse.error.js';
export { RESPONSIBILITY_TYPES, type ResponsibilityTypeCode } from './responsibility-types.js';
export type {
  DutyListFormat,
  DutyListInput,
  DutyListParseOptions,
  ParsedCooperation,
  ParsedDutyList,
  ParsedPost,
  ParsedResponsibility,
  ParsedWorkItem,
  ParseWarning,
  PostKind,
} from './parsed-duty-list.types.js';
