import { parseOrdinal, POST_NUMBER } from './post-name.parser.js';

// A mention of another post inside free text: 正职岗位 / 副职 / 业务岗2 / 业务岗位３.
const REF = `(?:正职(?:岗位?)?|副职(?:岗位?)?|业务岗位?\\s*(?:${POST_NUMBER}))`;
const REF_CAPTURE = new RegExp(`^(正职|副职)|^业务岗位?\\s*(${POST_NUMBER})`);

/** Code of a post mention (`业务岗1` → `officer-1`), or null. */
export function postCodeOfReference(mention: string): string | null {
  const m = REF_CAPTURE.exec(mention.trim());
  if (!m) return null;
  if (m[1] === '正职') return 'chief';
  if (m[1] === '副职') return 'deputy';
  const n = parseOrdinal(m[2]!);
  return n !== null && n > 0 ? `officer-${n}` : null;
}

// `配合业务岗1`, `协助业务岗1、业务岗3` — the posts a function statement says it works with.
const COOPERATION = new RegExp(`(?:配合|协助)\\s*(${REF}(?:\\s*[、,，和及与]\\s*${REF})*)`, 'g');
const REF_GLOBAL = new RegExp(REF, 'g');

/** Post codes a function statement cooperates with, in order of mention, without duplicates. */
export function findCooperationCodes(statement: string): string[] {
  const codes: string[] = [];
  for (const m of statement.matchAll(COOPERATION)) {
    for (const mention of m[1]!.matchAll(REF_GLOBAL)) {
      const code = postCodeOfReference(mention[0]);
      if (code && !codes.includes(code)) codes.push(code);
    }
  }
  return codes;
}

// `汇报至正职岗位`, `报告给副职`, `直接向正职岗位汇报`, `上级：正职岗位` in a remark override the
// default reporting line.
const REPORTS_TO = [
  new RegExp(`(?:汇报|报告)(?:至|给|到)\\s*(${REF})`),
  new RegExp(`向\\s*(${REF})\\s*(?:汇报|报告|负责)`),
  new RegExp(`(?:直属上级|上级岗位|上级|汇报对象)\\s*(?:为|是|[:：])\\s*(${REF})`),
];

/** Post code a remark names as the superior, or null when the remark says nothing about it. */
export function findReportsToCode(remark: string): string | null {
  for (const pattern of REPORTS_TO) {
    const m = pattern.exec(remark);
    if (m) return postCodeOfReference(m[1]!);
  }
  return null;
}
