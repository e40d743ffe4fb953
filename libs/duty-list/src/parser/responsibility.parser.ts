import type { ParsedResponsibility } from './parsed-duty-list.types.js';
import { RESPONSIBILITY_TYPES, responsibilityTypeOf } from './responsibility-types.js';
import { cleanStatement, splitStatements } from './statement-splitter.js';

export type ResponsibilityIssue = 'UNKNOWN_RESPONSIBILITY_TYPE' | 'UNTYPED_RESPONSIBILITY';

export interface ResponsibilityParse {
  responsibility: ParsedResponsibility;
  issue: ResponsibilityIssue | null;
}

// `X责任：` with a label of at most six non-punctuation characters (known labels have 2–4), so a
// sentence that merely mentions 责任 is not mistaken for a typed statement. Colon full- or half-width.
const PREFIX = /^([^\s:：，,。；;、]{1,6})\s*责任\s*[:：]\s*/;

// 其它 and 其他 are used interchangeably in the source documents; the label itself is kept as written.
const LABEL_ALIASES: Readonly<Record<string, string>> = { 其它: '其他' };

const KNOWN_LABELS = Object.keys(RESPONSIBILITY_TYPES).sort((a, b) => b.length - a.length);
// A known `X责任：` right after a sentence end starts a new statement even without whitespace.
const INLINE_BOUNDARY = new RegExp(`(?<=[。；;])(?=\\s*(?:${KNOWN_LABELS.join('|')})责任\\s*[:：])`, 'g');

/** Statements of a responsibility cell, additionally split where a known `X责任：` follows a sentence end. */
export function splitResponsibilityStatements(raw: string | undefined): string[] {
  return splitStatements(raw)
    .flatMap((s) => s.split(INLINE_BOUNDARY))
    .map(cleanStatement)
    .filter((s) => s.length > 0);
}

export function parseResponsibility(statement: string): ResponsibilityParse {
  const match = PREFIX.exec(statement);
  if (!match) {
    return { responsibility: { type: null, label: '', text: statement }, issue: 'UNTYPED_RESPONSIBILITY' };
  }
  const label = match[1]!;
  const text = statement.slice(match[0].length);
  const type = responsibilityTypeOf(LABEL_ALIASES[label] ?? label);
  return { responsibility: { type, label, text }, issue: type ? null : 'UNKNOWN_RESPONSIBILITY_TYPE' };
}
