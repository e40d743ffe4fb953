import { inflateEntry, readZipDirectory, ZipContainerError, type ByteSource } from '#libs/core';
import { allow, judgeZipNames, MSI_CLSID, refuse, SAMPLE_BYTES, sniffContent, type SniffResult } from './content-sniff.rules.js';
import { OleFormatError, readOleDirectory } from './ole-directory.js';
import { inspectPdf } from './pdf-structure.rules.js';

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** [Content_Types].xml is a short list of part types; more than this is not an Office package. */
const MAX_CONTENT_TYPES_BYTES = 1024 * 1024;
const MACRO_CONTENT_TYPE = /macroEnabled|vbaProject|ms-excel\.(intl)?macrosheet|ms-office\.activeX/i;
/** Storages and streams that hold VBA projects (Word: Macros; Excel: _VBA_PROJECT_CUR). */
const OLE_MACRO_NAMES = new Set(['_vba_project', '_vba_project_cur', 'vba', 'macros']);

/**
 * The full verdict on a stored upload: the quick check on its first and last bytes, then the
 * container read whole: every zip central-directory entry (with the zip limits) and the package's
 * content types, every OLE directory entry, and the whole PDF.
 */
export async function inspectContent(source: ByteSource): Promise<SniffResult> {
  const head = await source.read(0, SAMPLE_BYTES);
  const tail = await source.read(Math.max(0, source.size - SAMPLE_BYTES), SAMPLE_BYTES);
  // Containers are judged by their whole directory, whatever the samples happened to show.
  if (head.subarray(0, 4).equals(ZIP)) return inspectZip(source);
  if (head.subarray(0, 8).equals(OLE2)) return inspectOle(source);
  const quick = sniffContent({ head, tail, size: source.size });
  if (!quick.allowed || quick.type.kind !== 'pdf') return quick;
  const pdf = await inspectPdf(source);
  return pdf.ok ? quick : refuse(pdf.reason, pdf.detail);
}

async function inspectZip(source: ByteSource): Promise<SniffResult> {
  try {
    const entries = await readZipDirectory(source);
    const verdict = judgeZipNames(entries.map((e) => e.name));
    if (!verdict.allowed) return verdict;
    const types = entries.find((e) => e.name === '[Content_Types].xml');
    if (types && MACRO_CONTENT_TYPE.test((await inflateEntry(source, types, MAX_CONTENT_TYPES_BYTES)).toString('utf8'))) {
      return refuse('MACRO', '含宏的 Office 文档（启用宏的内容类型）');
    }
    return verdict;
  } catch (e) {
    if (!(e instanceof ZipContainerError)) throw e;
    if (!e.tooLarge) return refuse('UNKNOWN', e.message);
    return { allowed: false, reason: 'LIMIT', detail: e.message, ...(e.limit ? { limit: e.limit } : {}) };
  }
}

async function inspectOle(source: ByteSource): Promise<SniffResult> {
  let names: string[];
  let rootClsid: Buffer;
  try {
    ({ names, rootClsid } = await readOleDirectory(source));
  } catch (e) {
    if (e instanceof OleFormatError) return refuse('UNKNOWN', `无法读取的 OLE 文件：${e.message}`);
    throw e;
  }
  if (rootClsid.equals(MSI_CLSID)) return refuse('EXECUTABLE', 'Windows 安装包（MSI）');
  if (names.some((n) => OLE_MACRO_NAMES.has(n.toLowerCase()))) return refuse('MACRO', '含宏的 Office 文档');
  const has = (name: string) => names.includes(name);
  // The most specific first ("Book" is Excel 5's workbook stream).
  if (has('WordDocument')) return allow('doc');
  if (has('PowerPoint Document')) return allow('ppt');
  if (has('Workbook') || has('Book')) return allow('xls');
  return allow('ole');
}
