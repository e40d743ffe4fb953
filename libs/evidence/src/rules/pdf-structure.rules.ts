import type { ByteSource } from '#libs/core';
import { EXECUTABLE_NAME, zipEntryNames } from './content-sniff.rules.js';

/**
 * A PDF must be a PDF: the header at offset 0 (the spec tolerates up to 1 KiB of junk first, which
 * is exactly what lets a zip or an executable pose as a PDF, and no producer we know writes any),
 * a file trailer (`startxref` and `%%EOF` at the end), and no active content: JavaScript, launch
 * actions, or embedded files named as executables. Names are compared after `#xx` escapes are
 * decoded (`/J#61vaScript`). The whole file is read in bounded chunks.
 *
 * Not covered: dictionaries inside compressed object streams (PDF 1.5 /ObjStm) are not inflated.
 */
export type PdfVerdict = { ok: true } | { ok: false; reason: 'UNKNOWN' | 'EXECUTABLE' | 'ACTIVE_CONTENT'; detail: string };

const CHUNK = 1024 * 1024;
/** Longer than any name or file-spec string matched below, so nothing is lost at a chunk edge. */
const OVERLAP = 512;
const TRAILER_WINDOW = 2048;
const ACTIVE_NAMES = new Map([
  ['JavaScript', '含 JavaScript 脚本的 PDF'],
  ['JS', '含 JavaScript 脚本的 PDF'],
  ['Launch', '含启动外部程序动作（/Launch）的 PDF'],
]);

export async function inspectPdf(source: ByteSource): Promise<PdfVerdict> {
  const head = await source.read(0, 5);
  if (head.toString('latin1') !== '%PDF-') return { ok: false, reason: 'UNKNOWN', detail: 'PDF 文件头不在文件开头' };
  const tail = (await source.read(Math.max(0, source.size - TRAILER_WINDOW), TRAILER_WINDOW)).toString('latin1');
  if (!tail.includes('%%EOF') || !tail.includes('startxref')) return { ok: false, reason: 'UNKNOWN', detail: 'PDF 文件不完整（缺少文件尾 startxref/%%EOF）' };

  let embedded = false;
  let executableSpec: string | undefined;
  for (let offset = 0; offset < source.size; offset += CHUNK) {
    const bytes = await source.read(Math.max(0, offset - OVERLAP), CHUNK + (offset > 0 ? OVERLAP : 0));
    const text = bytes.toString('latin1');
    for (const m of text.matchAll(/\/([^\s/<>[\]()%{}]{1,127})/g)) {
      const name = m[1]!.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      const active = ACTIVE_NAMES.get(name);
      if (active) return { ok: false, reason: 'ACTIVE_CONTENT', detail: active };
      if (name === 'EmbeddedFile' || name === 'EmbeddedFiles') embedded = true;
    }
    for (const m of text.matchAll(/\/(?:UF|F)\s*\(([^)]{1,255})\)/g)) if (EXECUTABLE_NAME.test(m[1]!)) executableSpec ??= m[1];
    // A zip glued into the PDF (a polyglot) that carries a program.
    if (zipEntryNames(bytes).some((n) => EXECUTABLE_NAME.test(n))) return { ok: false, reason: 'EXECUTABLE', detail: 'PDF 中夹带可执行文件' };
  }
  if (embedded && executableSpec) return { ok: false, reason: 'EXECUTABLE', detail: `PDF 附件含可执行文件（${executableSpec}）` };
  return { ok: true };
}
