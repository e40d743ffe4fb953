import { randomBytes } from 'node:crypto';
import { cfbBytes } from './cfb-bytes.js';
import { zipBytes } from './zip-bytes.js';

/** Files that walked around the sampled evidence checks (issue 17, item 5), built byte by byte. */

const SAMPLE = 64 * 1024;
export const DOCX_TYPES =
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';

export const docx = (...extra: { name: string; data: Buffer | string; stored?: boolean }[]) =>
  zipBytes([{ name: '[Content_Types].xml', data: DOCX_TYPES }, { name: 'word/document.xml', data: '<w:document/>' }, ...extra]);

/** Many entries with long names: a central directory longer than the 64 KiB tail sample. */
export const longDirectory = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ name: `word/media/image${i}-${'p'.repeat(100)}.png`, data: '', stored: true }));

/**
 * A .docm whose vbaProject.bin is neither in the first 64 KiB (a large part comes first) nor in
 * the last (the central directory is longer than that and lists it early).
 */
export const docmBeyondSamples = () =>
  docx({ name: 'word/media/photo.jpg', data: randomBytes(SAMPLE * 2), stored: true }, { name: 'word/vbaProject.bin', data: 'VBA' }, ...longDirectory(2000));

/** A zip holding an .exe, with "%PDF-" in its first KiB. */
export const zipPosingAsPdf = () =>
  zipBytes([{ name: 'readme.txt', data: '%PDF-1.4', stored: true }, { name: 'setup.exe', data: Buffer.concat([Buffer.from('MZ'), randomBytes(1000)]) }]);

/** A .doc with a _VBA_PROJECT entry in the middle of a long directory, far from both ends. */
export const docWithMacroInTheMiddle = () =>
  cfbBytes(['WordDocument', '1Table', ...Array.from({ length: 2000 }, (_, i) => (i === 1000 ? '_VBA_PROJECT' : `ObjectPool${i}`))], { fillerSectors: 200 });
