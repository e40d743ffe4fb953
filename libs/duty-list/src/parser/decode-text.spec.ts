import { readFileSync } from 'node:fs';
import { decodeText } from './decode-text.js';
import { DutyListParseError } from './duty-list-parse.error.js';

const fixture = (name: string) => readFileSync(new URL(`../../test-fixtures/${name}`, import.meta.url));
const SAMPLE = '内设机构名称：国土空间规划科\n序号\t岗位名称\n';
// 内设 in GBK, written out so the test does not depend on an encoder Node lacks.
const GBK_NEISHE = [0xc4, 0xda, 0xc9, 0xe8];

function utf16(text: string, endian: 'le' | 'be'): Buffer {
  const le = Buffer.from(text, 'utf16le');
  const body = endian === 'le' ? le : Buffer.from(le).swap16();
  return Buffer.concat([Buffer.from(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), body]);
}

function decodeError(bytes: Uint8Array): DutyListParseError {
  try {
    decodeText(bytes, 'x.txt');
  } catch (e) {
    if (e instanceof DutyListParseError) return e;
    throw e;
  }
  throw new Error('expected decodeText to throw');
}

describe('decodeText', () => {
  it.each<[string, Uint8Array, string, string]>([
    ['plain UTF-8', Buffer.from(SAMPLE), 'utf-8', SAMPLE],
    ['ASCII', Buffer.from('a\tb\n'), 'utf-8', 'a\tb\n'],
    ['UTF-8 with BOM (BOM stripped)', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE)]), 'utf-8-bom', SAMPLE],
    ['UTF-16LE with BOM', utf16(SAMPLE, 'le'), 'utf-16le', SAMPLE],
    ['UTF-16BE with BOM', utf16(SAMPLE, 'be'), 'utf-16be', SAMPLE],
    ['GBK bytes', Buffer.from([...GBK_NEISHE, 0x0a]), 'gb18030', '内设\n'],
  ])('%s', (_name, bytes, encoding, text) => {
    expect(decodeText(bytes, 'x.txt')).toEqual({ encoding, text });
  });

  it.each([
    ['planning-section.gbk.txt', 'planning-section.txt'],
    ['farmland-protection.gb18030.txt', 'farmland-protection.txt'],
  ])('decodes the GBK fixture %s to the same text as %s', (encoded, utf8) => {
    const decoded = decodeText(fixture(encoded), encoded);
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.text).toBe(fixture(utf8).toString('utf8'));
  });

  it('ignores the file name when detecting the encoding', () => {
    expect(decodeText(Buffer.from([...GBK_NEISHE]), 'utf8-export.txt').encoding).toBe('gb18030');
    expect(decodeText(Buffer.from('内设'), 'gbk-export.txt').encoding).toBe('utf-8');
  });

  it.each<[string, Uint8Array, string]>([
    ['NUL bytes', Buffer.from([0x61, 0x00, 0x62, 0x00]), 'BINARY_FILE'],
    ['mostly control bytes', Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 0x61, 0x62]), 'BINARY_FILE'],
    ['bytes valid in neither UTF-8 nor GB18030', Buffer.concat([Buffer.from('岗位名称'), Buffer.from([0xff, 0xff])]), 'UNKNOWN_ENCODING'],
    ['BOM followed by invalid UTF-8', Buffer.from([0xef, 0xbb, 0xbf, 0xc4, 0xda]), 'UNKNOWN_ENCODING'],
    ['UTF-16LE BOM with a lone surrogate', Buffer.from([0xff, 0xfe, 0x00, 0xd8]), 'UNKNOWN_ENCODING'],
  ])('rejects %s', (_name, bytes, code) => {
    const error = decodeError(bytes);
    expect(error.code).toBe(code);
    expect(error.message.startsWith('x.txt：')).toBe(true);
  });

  it('accepts a few control bytes in otherwise normal text', () => {
    const bytes = Buffer.concat([Buffer.from('岗位名称'.repeat(20)), Buffer.from([0x01])]);
    expect(decodeText(bytes, 'x.txt').encoding).toBe('utf-8');
  });
});
