import type { SourceLocation } from './duty-list-parse.error.js';
import type { ParsedPost } from './parsed-duty-list.types.js';
import type { ParseWarnings } from './parse-warnings.js';
import { describePostCode } from './post-name.parser.js';

/** A superior named in a remark (`汇报至正职岗位`), with where it was written. */
export interface ReportsToOverride {
  code: string;
  at: SourceLocation;
}

function defaultSuperior(post: ParsedPost, codes: Set<string>): string | null {
  if (post.kind === 'CHIEF') return null;
  if (post.kind === 'DEPUTY') return codes.has('chief') ? 'chief' : null;
  // Officers report to the deputy; a unit without a deputy has them report to the chief.
  if (codes.has('deputy')) return 'deputy';
  return codes.has('chief') ? 'chief' : null;
}

/**
 * Fills `reportsToCode` (default chain officer → deputy → chief, overridden by remarks) and drops
 * cooperation links that point at no post of this unit. The statements themselves are always kept.
 */
export function linkPosts(
  posts: ParsedPost[],
  overrides: ReadonlyMap<string, ReportsToOverride>,
  warnings: ParseWarnings,
): void {
  const codes = new Set(posts.map((p) => p.code));
  if (posts.length > 0 && !codes.has('chief')) warnings.add('MISSING_CHIEF', '未找到正职岗位');

  for (const post of posts) {
    post.reportsToCode = defaultSuperior(post, codes);
    const override = overrides.get(post.code);
    if (!override) continue;
    if (post.kind === 'CHIEF') {
      warnings.add('IGNORED_REPORTS_TO', '正职岗位不设上级岗位，备注中的汇报关系已忽略', override.at);
    } else if (override.code === post.code || !codes.has(override.code)) {
      warnings.add('UNKNOWN_REPORTS_TO', `备注中的汇报对象“${describePostCode(override.code)}”不是本科室的其他岗位，已按默认汇报关系处理`, override.at);
    } else {
      post.reportsToCode = override.code;
    }
  }

  for (const post of posts) {
    for (const item of post.workItems) {
      item.cooperations = item.cooperations.filter((link) => {
        if (link.postCode !== post.code && codes.has(link.postCode)) return true;
        warnings.add(
          'UNKNOWN_COOPERATION_POST',
          `“${link.text}”中的配合岗位“${describePostCode(link.postCode)}”不是本科室的其他岗位，未建立配合关系`,
          { line: item.line },
        );
        return false;
      });
    }
  }
}
