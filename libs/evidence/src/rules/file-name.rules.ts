/**
 * File names come from users and go back out in Content-Disposition headers and zip entries:
 * they are cleaned once on upload and encoded safely on every download.
 */

const MAX_NAME_LENGTH = 120;

// C0/C1 controls (CR/LF would split a header), bidi overrides ("gpj.exe" shown as "exe.jpg"),
// zero-width characters and the line/paragraph separators.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;
// Reserved on Windows, where many of the bureau's desktops save downloads.
const RESERVED = /[<>:"/\\|?*]/g;

/** The name as kept: no directories, no invisible or reserved characters, bounded length. */
export function sanitizeFileName(name: string, fallback = '证据材料'): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  let clean = base.normalize('NFC').replace(/\s+/g, ' ').replace(INVISIBLE, '').replace(RESERVED, '_');
  clean = clean.replace(/^[\s.]+|[\s.]+$/g, '');
  const chars = [...clean];
  if (chars.length > MAX_NAME_LENGTH) {
    const dot = clean.lastIndexOf('.');
    const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
    clean = chars.slice(0, MAX_NAME_LENGTH - [...ext].length).join('') + ext;
  }
  return clean === '' ? fallback : clean;
}

/**
 * The name a download carries: the kept name, with the detected type's extension appended when
 * it does not already end in one of them, so a text file named `run.bat` saves as `run.bat.txt`.
 */
export function downloadName(fileName: string, extensions: readonly string[]): string {
  const clean = sanitizeFileName(fileName);
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 ? clean.slice(dot + 1).toLowerCase() : '';
  return extensions.length === 0 || extensions.includes(ext) ? clean : `${clean}.${extensions[0]}`;
}

/**
 * `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded>` (RFC 6266 with
 * RFC 5987 encoding). Browsers use filename*, so Chinese names survive; older clients get the
 * fallback. Nothing from the name can end the header or start another parameter.
 */
export function contentDisposition(fileName: string, type: 'attachment' | 'inline' = 'attachment'): string {
  const name = sanitizeFileName(fileName);
  return `${type}; filename="${asciiFallback(name)}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}

/** Printable ASCII only, without the quote, backslash or percent a quoted-string could misread. */
export function asciiFallback(name: string): string {
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  const safe = (s: string) => s.replace(/[^\x20-\x7e]+/g, '_').replace(/["\\%]/g, '_');
  const ascii = safe(stem).replace(/_+/g, '_');
  return (ascii === '' || ascii === '_' ? 'download' : ascii) + safe(ext);
}

/** RFC 5987 value-chars: attr-char stays, everything else is %XX of its UTF-8 bytes. */
export function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
