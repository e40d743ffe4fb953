import { SAMPLE_BYTES, sniffContent, zipEntryNames, type ContentSample } from './content-sniff.rules.js';

const sample = (buf: Buffer): ContentSample => ({
  head: buf.subarray(0, SAMPLE_BYTES),
  tail: buf.subarray(Math.max(0, buf.length - SAMPLE_BYTES)),
  size: buf.length,
});

/** A zip-shaped buffer: one local file header per name (contents do not matter to the sniffer). */
function zip(...names: string[]): Buffer {
  return Buffer.concat(
    names.map((name) => {
      const header = Buffer.alloc(30);
      header.writeUInt32LE(0x04034b50, 0);
      header.writeUInt16LE(Buffer.byteLength(name), 26);
      return Buffer.concat([header, Buffer.from(name), Buffer.from('compressed bytes')]);
    }),
  );
}

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ole = (...streams: string[]) => Buffer.concat([OLE2, Buffer.alloc(504), ...streams.map((s) => Buffer.from(s, 'utf16le'))]);
const MSI_CLSID = Buffer.from([0x84, 0x10, 0x0c, 0x00, 0x00, 0x00, 0x00, 0x00, 0xc0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46]);
const bin = (...b: number[]) => Buffer.from(b);

describe('sniffContent', () => {
  it.each<[string, Buffer, string]>([
    ['PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'pdf'],
    ['PNG', Buffer.concat([bin(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), Buffer.alloc(20)]), 'png'],
    ['JPEG', Buffer.concat([bin(0xff, 0xd8, 0xff, 0xe0), Buffer.from('JFIF')]), 'jpeg'],
    ['GIF', Buffer.from('GIF89a\x01\x00\x01\x00'), 'gif'],
    ['DOCX', zip('[Content_Types].xml', '_rels/.rels', 'word/document.xml'), 'docx'],
    ['XLSX', zip('[Content_Types].xml', 'xl/workbook.xml'), 'xlsx'],
    ['PPTX', zip('[Content_Types].xml', 'ppt/presentation.xml'), 'pptx'],
    ['OFD', zip('OFD.xml', 'Doc_0/Document.xml'), 'ofd'],
    ['DOC', ole('Root Entry', 'WordDocument', '1Table'), 'doc'],
    ['XLS', ole('Root Entry', 'Workbook'), 'xls'],
    ['PPT', ole('Root Entry', 'PowerPoint Document'), 'ppt'],
    ['OLE2 with its directory out of sight', ole(), 'ole'],
    ['UTF-8 text', Buffer.from('会议纪要\n参会人员：张建国、李敏\r\n\t结论：同意。\n'), 'text'],
    ['UTF-8 text with BOM', Buffer.concat([bin(0xef, 0xbb, 0xbf), Buffer.from('文号：自然资规〔2026〕12号')]), 'text'],
    ['long UTF-8 text cut mid-character at both sample edges', Buffer.from('规'.repeat(50_000)), 'text'],
  ])('accepts %s', (_name, buf, kind) => {
    expect(sniffContent(sample(buf))).toMatchObject({ allowed: true, type: { kind } });
  });

  it.each<[string, Buffer, string]>([
    ['an empty file', Buffer.alloc(0), 'EMPTY'],
    ['a Windows executable', Buffer.concat([Buffer.from('MZ'), bin(0x90, 0x00, 0x03), Buffer.from('This program cannot be run in DOS mode %PDF-')]), 'EXECUTABLE'],
    ['an ELF binary', Buffer.concat([bin(0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01), Buffer.alloc(40)]), 'EXECUTABLE'],
    ['a Mach-O binary', Buffer.concat([bin(0xcf, 0xfa, 0xed, 0xfe), Buffer.alloc(28)]), 'EXECUTABLE'],
    ['a fat Mach-O binary', Buffer.concat([bin(0xca, 0xfe, 0xba, 0xbe), Buffer.alloc(28)]), 'EXECUTABLE'],
    ['a shell script', Buffer.from('#!/bin/sh\nrm -rf /\n'), 'EXECUTABLE'],
    ['a script behind a BOM', Buffer.concat([bin(0xef, 0xbb, 0xbf), Buffer.from('#!/usr/bin/env python3\n')]), 'EXECUTABLE'],
    ['a Windows Installer package', Buffer.concat([ole('Root Entry'), MSI_CLSID]), 'EXECUTABLE'],
    ['a zip carrying an executable', zip('setup.exe'), 'EXECUTABLE'],
    ['a macro-enabled Word document', zip('[Content_Types].xml', 'word/document.xml', 'word/vbaProject.bin'), 'MACRO'],
    ['a legacy document with macros', ole('Root Entry', 'WordDocument', '_VBA_PROJECT'), 'MACRO'],
    ['a PDF header after a little junk (how polyglots pass)', Buffer.concat([Buffer.from('\r\n'), Buffer.from('%PDF-1.4\n')]), 'UNKNOWN'],
    ['a zip whose first KiB says %PDF-', Buffer.concat([zip('a.txt'), Buffer.from('%PDF-1.4'), zip('setup.exe')]), 'EXECUTABLE'],
    ['a plain zip', zip('photo.png', 'notes.txt'), 'UNKNOWN'],
    ['binary with NUL bytes', Buffer.from('abc\u0000def'), 'UNKNOWN'],
    ['GBK-encoded text', Buffer.from([0xbb, 0xe1, 0xd2, 0xe9, 0xbc, 0xcd, 0xd2, 0xaa]), 'UNKNOWN'],
    ['text with terminal escapes', Buffer.from('ok\u001b[2Jgone'), 'UNKNOWN'],
  ])('refuses %s', (_name, buf, reason) => {
    expect(sniffContent(sample(buf))).toMatchObject({ allowed: false, reason });
  });

  it('looks at the tail for a zip central directory beyond the head', () => {
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(Buffer.byteLength('word/document.xml'), 28);
    const buf = Buffer.concat([zip('[Content_Types].xml'), Buffer.alloc(SAMPLE_BYTES * 2), central, Buffer.from('word/document.xml')]);
    expect(sniffContent(sample(buf))).toMatchObject({ allowed: true, type: { kind: 'docx' } });
  });

  it('refuses text whose far end is binary', () => {
    const buf = Buffer.concat([Buffer.from('a'.repeat(SAMPLE_BYTES * 2)), Buffer.alloc(10)]);
    expect(sniffContent(sample(buf))).toMatchObject({ allowed: false, reason: 'UNKNOWN' });
  });
});

describe('zipEntryNames', () => {
  it('reads names and ignores chance signatures with unprintable names', () => {
    const junk = Buffer.concat([bin(0x50, 0x4b, 0x03, 0x04), Buffer.alloc(22), bin(0x03, 0x00, 0x00, 0x00), bin(0x01, 0x02, 0x03)]);
    expect(zipEntryNames(Buffer.concat([zip('a.xml', '目录/b.xml'), junk]))).toEqual(['a.xml', '目录/b.xml']);
  });
});
