// Cells exported from the online duty-list editor carry rich-text HTML; only its text and its
// block structure (paragraphs, list items, line breaks) matter.

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  ideographicspace: '\u3000',
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  middot: '·',
  times: '×',
  divide: '÷',
  deg: '°',
  plusmn: '±',
  permil: '‰',
  sect: '§',
  copy: '©',
  reg: '®',
};

const BLOCK_TAGS = 'p|div|li|ol|ul|dl|dt|dd|tr|td|th|table|thead|tbody|tfoot|h[1-6]|section|article|blockquote|pre';
const BLOCK_TAG = new RegExp(`<\\/?(?:${BLOCK_TAGS})\\b[^>]*>`, 'gi');
const BREAK_TAG = /<br\s*\/?>/gi;
const ANY_TAG = /<\/?[a-zA-Z][^>]*>/g;
const COMMENT = /<!--[\s\S]*?-->/g;
const ENTITY_SOURCE = '&(#\\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]+);';
const ENTITY = new RegExp(ENTITY_SOURCE, 'g');
// Separate non-global copy: `test` on a global regex would carry lastIndex between calls.
const HAS_ENTITY = new RegExp(ENTITY_SOURCE);

/** True when the cell contains at least one HTML tag, comment or entity. */
export function looksLikeHtml(text: string): boolean {
  return /<\/?[a-zA-Z][^>]*>|<!--/.test(text) || HAS_ENTITY.test(text);
}

export function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, body: string) => {
    if (body.startsWith('#')) {
      const hex = body[1] === 'x' || body[1] === 'X';
      const code = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
      // Invalid code points are left untouched rather than guessed.
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/**
 * Reduces an HTML fragment to plain text. Block boundaries become `\n` so the statement splitter
 * can treat each paragraph / list item as its own statement; entities are decoded last so that an
 * escaped `&lt;p&gt;` stays literal text.
 */
export function htmlToText(fragment: string): string {
  return decodeEntities(
    fragment.replace(COMMENT, '').replace(BREAK_TAG, '\n').replace(BLOCK_TAG, '\n').replace(ANY_TAG, ''),
  );
}
