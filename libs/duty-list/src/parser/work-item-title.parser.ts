import { parseOrdinal } from './post-name.parser.js';

export interface WorkItemTitle {
  /** Number given by the prefix (`二、` → 2); null when the item is not numbered. */
  number: number | null;
  title: string;
}

// `一、` `（一）` `(一)` `一.` and the Arabic `1、` `1.` `（1）` forms used for work items.
const NUMBER_PREFIX =
  /^(?:([一二三四五六七八九十]{1,3})\s*[、.．]|[（(]\s*([一二三四五六七八九十]{1,3}|\d{1,2})\s*[)）]|(\d{1,2})\s*(?:、|[.．](?!\d)))\s*/;

export function parseWorkItemTitle(text: string): WorkItemTitle {
  const m = NUMBER_PREFIX.exec(text);
  if (!m) return { number: null, title: text };
  const number = parseOrdinal(m[1] ?? m[2] ?? m[3]!);
  const title = text.slice(m[0].length).trim();
  // A bare numeral with nothing after it is a title, not a prefix.
  if (number === null || title.length === 0) return { number: null, title: text };
  return { number, title };
}
