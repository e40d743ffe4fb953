import type { PostKind } from './parsed-duty-list.types.js';

export interface PostIdentity {
  kind: PostKind;
  code: string;
  /** Text after the colon; the whole name when there is none. */
  title: string;
}

const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** `1`, `１`, `一`, `十二`, `二十三` → number; null for anything else (only 1–99 occur in practice). */
export function parseOrdinal(raw: string): number | null {
  const ascii = raw.normalize('NFKC').trim();
  if (/^\d+$/.test(ascii)) return Number(ascii);
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(ascii);
  if (!m || ascii.length === 0) return null;
  const [, tens, ten, units] = m;
  if (!ten) return tens && !units ? CHINESE_DIGITS[tens]! : null;
  return (tens ? CHINESE_DIGITS[tens]! : 1) * 10 + (units ? CHINESE_DIGITS[units]! : 0);
}

// Number forms accepted after 业务岗: ASCII/full-width digits or Chinese numerals.
export const POST_NUMBER = '[0-9０-９]+|[一二两三四五六七八九十]+';
// The colon may be full- or half-width, with optional spaces around it; a bare space also separates.
const TITLE_TAIL = '(?:\\s*[:：]\\s*|\\s+)(.*)';

const CHIEF = new RegExp(`^正职(?:岗位?)?(?:${TITLE_TAIL})?$`, 's');
const DEPUTY = new RegExp(`^副职(?:岗位?)?(?:${TITLE_TAIL})?$`, 's');
const OFFICER = new RegExp(`^业务岗位?\\s*(${POST_NUMBER})(?:${TITLE_TAIL})?$`, 's');
// A trailing annotation such as `正职岗位（科长）` keeps the whole name as title.
const ANNOTATED_LEADER = /^(正职|副职)(?:岗位?)?\s*[（(][^）)]*[）)]$/;

/**
 * Resolves a post name (`正职岗位`, `副职岗位`, `业务岗1：村镇规划工作`, `业务岗2: …`) to its kind,
 * stable code and title. Returns null when the name is not one of these forms.
 */
export function resolvePostName(rawName: string): PostIdentity | null {
  const name = rawName.trim();
  const chief = CHIEF.exec(name);
  if (chief) return { kind: 'CHIEF', code: 'chief', title: chief[1]?.trim() || name };
  const deputy = DEPUTY.exec(name);
  if (deputy) return { kind: 'DEPUTY', code: 'deputy', title: deputy[1]?.trim() || name };
  const annotated = ANNOTATED_LEADER.exec(name);
  if (annotated) {
    return annotated[1] === '正职'
      ? { kind: 'CHIEF', code: 'chief', title: name }
      : { kind: 'DEPUTY', code: 'deputy', title: name };
  }
  const officer = OFFICER.exec(name);
  if (officer) {
    const n = parseOrdinal(officer[1]!);
    if (n === null || n < 1) return null;
    return { kind: 'OFFICER', code: `officer-${n}`, title: officer[2]?.trim() || name };
  }
  return null;
}

/** Human wording of a post code for messages: `officer-2` → `业务岗2`. */
export function describePostCode(code: string): string {
  if (code === 'chief') return '正职岗位';
  if (code === 'deputy') return '副职岗位';
  const officer = /^officer-(\d+)$/.exec(code);
  return officer ? `业务岗${officer[1]}` : code;
}
