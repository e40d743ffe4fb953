/**
 * What an uploaded file IS, decided from its bytes (magic numbers and container structure), never
 * from its name or the browser's Content-Type: a renamed executable stays an executable. Only an
 * allow-list of document and image formats passes.
 */

/** Bytes kept from each end of an upload; enough to find a zip's central directory or OLE names. */
export const SAMPLE_BYTES = 64 * 1024;

export interface ContentSample {
  /** The first SAMPLE_BYTES (or all) bytes. */
  head: Buffer;
  /** The last SAMPLE_BYTES (or all) bytes. */
  tail: Buffer;
  size: number;
}

export interface SniffedType {
  kind: 'pdf' | 'ofd' | 'png' | 'jpeg' | 'gif' | 'docx' | 'xlsx' | 'pptx' | 'doc' | 'xls' | 'ppt' | 'ole' | 'text';
  mime: string;
  /** Extensions a download may carry; the first is added when the uploaded name has none of them. */
  extensions: string[];
}

export type RefusalReason = 'EMPTY' | 'EXECUTABLE' | 'MACRO' | 'ACTIVE_CONTENT' | 'LIMIT' | 'UNKNOWN';

export type SniffResult =
  | { allowed: true; type: SniffedType }
  | { allowed: false; reason: RefusalReason; detail: string; limit?: { name: string; value: number } };

const TYPES: Record<SniffedType['kind'], Omit<SniffedType, 'kind'>> = {
  pdf: { mime: 'application/pdf', extensions: ['pdf'] },
  ofd: { mime: 'application/ofd', extensions: ['ofd'] },
  png: { mime: 'image/png', extensions: ['png'] },
  jpeg: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  gif: { mime: 'image/gif', extensions: ['gif'] },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx', 'wps'] },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx', 'et'] },
  pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extensions: ['pptx', 'dps'] },
  doc: { mime: 'application/msword', extensions: ['doc', 'wps'] },
  xls: { mime: 'application/vnd.ms-excel', extensions: ['xls', 'et'] },
  ppt: { mime: 'application/vnd.ms-powerpoint', extensions: ['ppt', 'dps'] },
  // An OLE2 file whose directory lies outside the samples (large legacy Office or WPS files).
  ole: { mime: 'application/x-ole-storage', extensions: ['doc', 'xls', 'ppt', 'wps', 'et', 'dps'] },
  text: { mime: 'text/plain; charset=utf-8', extensions: ['txt', 'csv', 'md', 'log'] },
};

/** The download extensions of a stored MIME type (empty for an unknown one). */
export function extensionsOfMime(mime: string | null): string[] {
  return Object.values(TYPES).find((t) => t.mime === mime)?.extensions ?? [];
}

export const allow = (kind: SniffedType['kind']): SniffResult => ({ allowed: true, type: { kind, ...TYPES[kind] } });
export const refuse = (reason: RefusalReason, detail: string): SniffResult => ({ allowed: false, reason, detail });

const bytes = (...b: number[]) => Buffer.from(b);
const startsWith = (buf: Buffer, sig: Buffer, at = 0) => buf.length >= at + sig.length && buf.subarray(at, at + sig.length).equals(sig);

const EXECUTABLES: [Buffer, string][] = [
  [Buffer.from('MZ'), 'Windows 可执行文件（MZ/PE）'],
  [bytes(0x7f, 0x45, 0x4c, 0x46), 'Linux 可执行文件（ELF）'],
  [bytes(0xfe, 0xed, 0xfa, 0xce), 'macOS 可执行文件（Mach-O）'],
  [bytes(0xfe, 0xed, 0xfa, 0xcf), 'macOS 可执行文件（Mach-O）'],
  [bytes(0xce, 0xfa, 0xed, 0xfe), 'macOS 可执行文件（Mach-O）'],
  [bytes(0xcf, 0xfa, 0xed, 0xfe), 'macOS 可执行文件（Mach-O）'],
  [bytes(0xca, 0xfe, 0xba, 0xbe), 'macOS 通用可执行文件或 Java 类文件'],
  [bytes(0x00, 0x61, 0x73, 0x6d), 'WebAssembly 模块'],
];

const UTF8_BOM = bytes(0xef, 0xbb, 0xbf);
const ZIP = bytes(0x50, 0x4b, 0x03, 0x04);
const OLE2 = bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
// The root CLSID of Windows Installer packages, as stored (little-endian GUID).
export const MSI_CLSID = bytes(0x84, 0x10, 0x0c, 0x00, 0x00, 0x00, 0x00, 0x00, 0xc0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46);

/** Decides whether an upload may be kept, from its first and last bytes. */
export function sniffContent(sample: ContentSample): SniffResult {
  const { head, tail } = sample;
  if (sample.size === 0) return refuse('EMPTY', '空文件');
  const body = startsWith(head, UTF8_BOM) ? head.subarray(3) : head;
  for (const [sig, what] of EXECUTABLES) if (startsWith(head, sig)) return refuse('EXECUTABLE', what);
  if (startsWith(body, Buffer.from('#!'))) return refuse('EXECUTABLE', '脚本文件（#!）');

  // At offset 0 only: the junk the PDF spec tolerates before the header is how polyglots pass.
  if (startsWith(head, Buffer.from('%PDF-'))) return allow('pdf');
  if (startsWith(head, bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))) return allow('png');
  if (startsWith(head, bytes(0xff, 0xd8, 0xff))) return allow('jpeg');
  if (startsWith(head, Buffer.from('GIF87a')) || startsWith(head, Buffer.from('GIF89a'))) return allow('gif');
  if (startsWith(head, ZIP)) return sniffZip(head, tail);
  if (startsWith(head, OLE2)) return sniffOle(head, tail);
  if (head.subarray(0, 1024).includes('%PDF-')) return refuse('UNKNOWN', 'PDF 文件头不在文件开头');
  if (isUtf8Text(head, tail, sample.size)) return allow('text');
  return refuse('UNKNOWN', '无法识别的文件格式');
}

/** Names of programs and scripts, inside a zip or attached to a PDF. */
export const EXECUTABLE_NAME = /\.(exe|dll|msi|bat|cmd|ps1|vbs|js|jar|sh|scr|com|lnk)$/i;

/**
 * Parts that carry macros: VBA projects (and their signatures and data), Excel 4 macro sheets and
 * ActiveX controls.
 */
const MACRO_PART = /(^|\/)(vbaProject(Signature\w*)?\.bin|vbaData\.xml)$|^xl\/macrosheets\/|(^|\/)activeX\//i;

function sniffZip(head: Buffer, tail: Buffer): SniffResult {
  return judgeZipNames([...zipEntryNames(head), ...zipEntryNames(tail)]);
}

/** OOXML (docx/xlsx/pptx) and OFD are zip packages told apart by their entry names. */
export function judgeZipNames(list: string[]): SniffResult {
  const names = new Set(list);
  if (list.some((n) => MACRO_PART.test(n))) return refuse('MACRO', '含宏的 Office 文档');
  // An Office package carrying a program (e.g. word/embeddings/setup.exe) is refused before it is typed.
  if (list.some((n) => EXECUTABLE_NAME.test(n))) return refuse('EXECUTABLE', '含可执行文件的压缩包');
  if (names.has('OFD.xml')) return allow('ofd');
  if (names.has('[Content_Types].xml')) {
    if (list.some((n) => n.startsWith('word/'))) return allow('docx');
    if (list.some((n) => n.startsWith('xl/'))) return allow('xlsx');
    if (list.some((n) => n.startsWith('ppt/'))) return allow('pptx');
  }
  return refuse('UNKNOWN', '压缩包（仅接受 Office 文档或 OFD）');
}

/**
 * Names of zip entries found in a buffer, from local headers (PK\3\4, name at 30) and central
 * directory records (PK\1\2, name at 46). Names must be printable, which rejects chance matches
 * inside compressed data.
 */
export function zipEntryNames(buf: Buffer): string[] {
  const names: string[] = [];
  for (const [sig, lengthAt, nameAt] of [
    [bytes(0x50, 0x4b, 0x03, 0x04), 26, 30],
    [bytes(0x50, 0x4b, 0x01, 0x02), 28, 46],
  ] as const) {
    for (let i = buf.indexOf(sig); i !== -1; i = buf.indexOf(sig, i + 4)) {
      if (i + nameAt > buf.length) break;
      const length = buf.readUInt16LE(i + lengthAt);
      if (length === 0 || length > 1024 || i + nameAt + length > buf.length) continue;
      const name = buf.subarray(i + nameAt, i + nameAt + length).toString('utf8');
      if (/^[\x20-\x7e\u00a0-\uffff]+$/.test(name) && !name.includes('\ufffd')) names.push(name);
    }
  }
  return names;
}

/** Legacy Office (and WPS) compound files; Windows Installer packages use the same container. */
function sniffOle(head: Buffer, tail: Buffer): SniffResult {
  const has = (s: string) => head.includes(Buffer.from(s, 'utf16le')) || tail.includes(Buffer.from(s, 'utf16le'));
  if (head.includes(MSI_CLSID) || tail.includes(MSI_CLSID)) return refuse('EXECUTABLE', 'Windows 安装包（MSI）');
  if (has('_VBA_PROJECT')) return refuse('MACRO', '含宏的 Office 文档');
  // Stream names of the directory; the most specific first ("Book" is Excel 5's workbook stream).
  if (has('WordDocument')) return allow('doc');
  if (has('PowerPoint Document')) return allow('ppt');
  if (has('Workbook') || has('Book')) return allow('xls');
  return allow('ole');
}

/**
 * UTF-8 text without NULs or control characters (tab, line breaks and form feed aside). Only the
 * samples are checked: a multi-byte character cut at a sample's edge is not an error.
 */
function isUtf8Text(head: Buffer, tail: Buffer, size: number): boolean {
  const whole = size <= head.length;
  const start = startsWith(head, UTF8_BOM) ? 3 : 0;
  if (!decodes(head.subarray(start, whole ? head.length : trimIncompleteEnd(head)))) return false;
  if (whole) return true;
  return decodes(tail.subarray(skipContinuationBytes(tail), trimIncompleteEnd(tail)));
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function decodes(buf: Buffer): boolean {
  let text: string;
  try {
    text = decoder.decode(buf);
  } catch {
    return false;
  }
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

/** Where a trailing, incomplete multi-byte sequence starts (or the length when there is none). */
function trimIncompleteEnd(buf: Buffer): number {
  for (let back = 1; back <= Math.min(3, buf.length); back++) {
    const b = buf[buf.length - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    const needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return needed > back ? buf.length - back : buf.length;
  }
  return buf.length;
}

function skipContinuationBytes(buf: Buffer): number {
  let i = 0;
  while (i < 3 && i < buf.length && (buf[i]! & 0xc0) === 0x80) i++;
  return i;
}
