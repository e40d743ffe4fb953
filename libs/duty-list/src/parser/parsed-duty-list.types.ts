import type { ResponsibilityTypeCode } from './responsibility-types.js';

export interface ParsedResponsibility {
  /** null when the label is unknown or the statement has no `X责任：` prefix. */
  type: ResponsibilityTypeCode | null;
  /** The Chinese label as written (e.g. `决策`); empty when the statement has no prefix. */
  label: string;
  /** Statement text after the `X责任：` prefix (the whole statement when there is none). */
  text: string;
}

export interface ParsedCooperation {
  postCode: string;
  /** The function statement the link was read from. */
  text: string;
}

export interface ParsedWorkItem {
  seq: number;
  title: string;
  functions: string[];
  responsibilities: ParsedResponsibility[];
  workflowRefs: string[];
  cooperations: ParsedCooperation[];
  remarks: string | null;
  line: number;
}

export type PostKind = 'CHIEF' | 'DEPUTY' | 'OFFICER';

export interface ParsedPost {
  seq: number;
  code: string;
  kind: PostKind;
  name: string;
  title: string;
  reportsToCode: string | null;
  workItems: ParsedWorkItem[];
  line: number;
}

export interface ParseWarning {
  code: string;
  message: string;
  line?: number;
  column?: string;
}

export type DutyListFormat = 'text' | 'csv' | 'xlsx';

export interface ParsedDutyList {
  title: string | null;
  unitName: string;
  posts: ParsedPost[];
  warnings: ParseWarning[];
  format: DutyListFormat;
  encoding: string;
}

export interface DutyListInput {
  fileName: string;
  bytes: Buffer | Uint8Array;
}

export interface DutyListParseOptions {
  /** Upper bound on the raw file size, checked before decoding. Default 5 MiB. */
  maxBytes?: number;
}
