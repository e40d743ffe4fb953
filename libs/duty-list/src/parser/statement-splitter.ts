import { decodeEntities, htmlToText, looksLikeHtml } from './html-text.js';

type MarkerStyle = 'dot' | 'comma' | 'paren' | 'circled';

interface Marker {
  index: number;
  end: number;
  n: number;
  style: MarkerStyle;
}

// A list marker only counts at a boundary (start, whitespace, punctuation) so that `第1、2条`,
// `07-2-1` or `业务岗1。` are never mistaken for numbering.
const MARKER = /(?<=^|[\s。；;，,：:！!？?])(?:(\d{1,2})[.．](?!\d)|(\d{1,2})、|[（(](\d{1,2})[)）]|([\u2460-\u2473]))/g;

/** Plain text of a cell: HTML reduced to text with `\n` between blocks, CR/LF normalised. */
export function cellToText(raw: string): string {
  const text = raw.replace(/\r\n?/g, '\n');
  return looksLikeHtml(text) ? htmlToText(text) : decodeEntities(text);
}

/** Collapses whitespace (incl. NBSP and U+3000), trims and drops trailing `;`/`；` separators. */
export function cleanStatement(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s;；]+$/, '');
}

/** Cell reduced to a single line of clean text (titles, names, remarks). */
export function cleanCell(raw: string | undefined): string {
  return raw === undefined ? '' : cleanStatement(cellToText(raw));
}

function findMarkers(text: string): Marker[] {
  const markers: Marker[] = [];
  for (const m of text.matchAll(MARKER)) {
    const [whole, dot, comma, paren, circled] = m;
    const index = m.index;
    const end = index + whole.length;
    if (dot) markers.push({ index, end, n: Number(dot), style: 'dot' });
    else if (comma) markers.push({ index, end, n: Number(comma), style: 'comma' });
    else if (paren) markers.push({ index, end, n: Number(paren), style: 'paren' });
    else if (circled) markers.push({ index, end, n: circled.codePointAt(0)! - 0x2460 + 1, style: 'circled' });
  }
  return markers;
}

/**
 * Picks the list numbering of a cell: the style of the first `1` marker, then only markers of that
 * style numbered 2, 3, … in order. Out-of-sequence numbers stay part of the statement text, which
 * keeps nested `（1）` lists inside a `1.` statement intact.
 */
function sequentialMarkers(text: string): Marker[] {
  const all = findMarkers(text);
  const first = all.find((m) => m.n === 1);
  if (!first) return [];
  const picked: Marker[] = [];
  let expected = 1;
  for (const m of all) {
    if (m.index < first.index || m.style !== first.style || m.n !== expected) continue;
    picked.push(m);
    expected++;
  }
  return picked;
}

function splitUnnumbered(text: string): string[] {
  // Without numbering, line breaks (paragraphs / list items) and a sentence end followed by
  // whitespace are the only reliable statement boundaries (lists whose <li> tags were lost). A
  // semicolon is not one: `甲；乙` is usually a single statement with clauses.
  return text
    .split('\n')
    .flatMap((line) => line.split(/(?<=[。！？!?])\s+/))
    .map(cleanStatement)
    .filter((s) => s.length > 0);
}

/**
 * Splits one cell into clean statements. Handles `1. … 2. …`, `1、`, `（1）`, `①` numbering, HTML
 * fragments (`<p>`, `<ol><li>`, entities) and un-numbered paragraphs.
 */
export function splitStatements(raw: string | undefined): string[] {
  if (raw === undefined) return [];
  const text = cellToText(raw);
  const markers = sequentialMarkers(text);
  if (markers.length === 0) return splitUnnumbered(text);

  const statements = splitUnnumbered(text.slice(0, markers[0]!.index));
  markers.forEach((m, i) => {
    const next = markers[i + 1];
    const body = cleanStatement(text.slice(m.end, next ? next.index : text.length));
    if (body) statements.push(body);
  });
  return statements;
}
