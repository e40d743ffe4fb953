import { bufferSource, ZIP_LIMITS } from '#libs/core';
import { cfbBytes } from '../../../../test/support/cfb-bytes.js';
import { docmBeyondSamples, docWithMacroInTheMiddle, docx, DOCX_TYPES, longDirectory, zipPosingAsPdf } from '../../../../test/support/evidence-bypasses.js';
import { zipBytes } from '../../../../test/support/zip-bytes.js';
import { inspectContent } from './content-inspection.js';
import { MSI_CLSID, SAMPLE_BYTES, sniffContent } from './content-sniff.rules.js';

const DOCM_TYPES = DOCX_TYPES.replace('officedocument.wordprocessingml.document.main+xml', 'ms-word.document.macroEnabled.main+xml');
const pdf = (body: string) => Buffer.from(`%PDF-1.7\n${body}\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< /Root 1 0 R >>\nstartxref\n9\n%%EOF\n`, 'latin1');
const CATALOG = '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj';

describe('inspectContent (whole containers)', () => {
  it.each<[string, () => Buffer, string]>([
    ['a DOCX', () => docx(), 'docx'],
    ['a DOCX whose directory is longer than the samples', () => docx(...longDirectory(2000)), 'docx'],
    ['a DOC read through its whole directory', () => cfbBytes(['WordDocument', '1Table', ...Array.from({ length: 500 }, (_, i) => `ObjectPool${i}`)], { fillerSectors: 200 }), 'doc'],
    ['an XLS', () => cfbBytes(['Workbook', 'SummaryInformation']), 'xls'],
    ['a PDF with a trailer', () => pdf(CATALOG), 'pdf'],
    ['a PDF that opens at its first page', () => pdf('1 0 obj << /Type /Catalog /OpenAction [3 0 R /Fit] >> endobj'), 'pdf'],
    ['a PDF with an attached spreadsheet', () => pdf('5 0 obj << /Type /Filespec /F (预算.xlsx) /EF << /F 6 0 R >> >> endobj 6 0 obj << /Type /EmbeddedFile >> endobj'), 'pdf'],
  ])('accepts %s', async (_name, build, kind) => {
    expect(await inspectContent(bufferSource(build()))).toMatchObject({ allowed: true, type: { kind } });
  });

  it.each<[string, () => Buffer, string]>([
    // The three reported bypasses.
    ['a .docm whose vbaProject.bin lies beyond the sampled bytes', docmBeyondSamples, 'MACRO'],
    ['a zip holding an .exe with "%PDF-" in its first KiB', zipPosingAsPdf, 'EXECUTABLE'],
    ['an OLE .doc with a _VBA_PROJECT entry in the middle of its directory', docWithMacroInTheMiddle, 'MACRO'],
    // Zip packages.
    ['a package whose content types are macro-enabled', () => zipBytes([{ name: '[Content_Types].xml', data: DOCM_TYPES }, { name: 'word/document.xml', data: '<w:document/>' }]), 'MACRO'],
    ['an Excel 4 macro sheet', () => zipBytes([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'xl/workbook.xml', data: '<workbook/>' }, { name: 'xl/macrosheets/sheet1.xml', data: '<xm/>' }]), 'MACRO'],
    ['a DOCX carrying an embedded program', () => docx({ name: 'word/embeddings/setup.exe', data: 'MZ' }), 'EXECUTABLE'],
    ['a DOCX that inflates a thousandfold (bomb)', () => docx({ name: 'word/media/blank.xml', data: ' '.repeat(8 * 1024 * 1024) }), 'LIMIT'],
    ['a zip with too many entries', () => docx(...Array.from({ length: ZIP_LIMITS.maxEntries }, (_, i) => ({ name: `word/x${i}.xml`, data: '', stored: true }))), 'LIMIT'],
    ['a zip with a broken directory', () => docx().subarray(0, -10), 'UNKNOWN'],
    // PDFs.
    ['a PDF whose header is not at the start', () => Buffer.concat([Buffer.from('\r\n'), pdf(CATALOG)]), 'UNKNOWN'],
    ['a PDF without a trailer', () => Buffer.from(`%PDF-1.7\n${CATALOG}\n`), 'UNKNOWN'],
    ['a PDF with JavaScript', () => pdf('2 0 obj << /S /JavaScript /JS (app.alert(1)) >> endobj'), 'ACTIVE_CONTENT'],
    ['a PDF with JavaScript behind a name escape', () => pdf('2 0 obj << /S /J#61vaScript /J#53 (app.alert(1)) >> endobj'), 'ACTIVE_CONTENT'],
    ['a PDF opening with a JavaScript action', () => pdf('1 0 obj << /OpenAction << /S /JavaScript /JS 9 0 R >> >> endobj'), 'ACTIVE_CONTENT'],
    ['a PDF with a launch action', () => pdf('2 0 obj << /S /Launch /F (cmd.exe) >> endobj'), 'ACTIVE_CONTENT'],
    ['a PDF with an embedded executable', () => pdf('5 0 obj << /Type /Filespec /F (invoice.exe) /EF << /F 6 0 R >> >> endobj 6 0 obj << /Type /EmbeddedFile >> endobj'), 'EXECUTABLE'],
    ['a PDF with a zip of a program glued inside', () => pdf(`${CATALOG}\n${zipBytes([{ name: 'run.bat', data: 'echo' }]).toString('latin1')}`), 'EXECUTABLE'],
    // OLE.
    ['a Word file with a Macros storage', () => cfbBytes(['WordDocument', 'Macros', 'VBA']), 'MACRO'],
    ['an Excel file with _VBA_PROJECT_CUR', () => cfbBytes(['Workbook', '_VBA_PROJECT_CUR']), 'MACRO'],
    ['a Windows Installer package', () => cfbBytes(['SummaryInformation'], { rootClsid: MSI_CLSID }), 'EXECUTABLE'],
    ['an OLE file with a broken directory chain', () => cfbBytes(['WordDocument']).subarray(0, 1024), 'UNKNOWN'],
  ])('refuses %s', async (_name, build, reason) => {
    expect(await inspectContent(bufferSource(build()))).toMatchObject({ allowed: false, reason });
  });

  it.each<[string, () => Buffer]>([
    ['the .docm', docmBeyondSamples],
    ['the .doc', docWithMacroInTheMiddle],
  ])('%s passed the sampled check alone (why the whole container is read)', (_name, build) => {
    const buf = build();
    const verdict = sniffContent({ head: buf.subarray(0, SAMPLE_BYTES), tail: buf.subarray(-SAMPLE_BYTES), size: buf.length });
    expect(verdict.allowed || verdict.reason === 'UNKNOWN').toBe(true);
  });

  it('names the limit a bomb broke', async () => {
    const verdict = await inspectContent(bufferSource(docx({ name: 'word/media/blank.xml', data: ' '.repeat(8 * 1024 * 1024) })));
    expect(verdict).toMatchObject({ allowed: false, reason: 'LIMIT', limit: { name: 'maxRatio', value: ZIP_LIMITS.maxRatio } });
  });
});
