import { DutyListParseError } from './duty-list-parse.error.js';

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

// Enough bytes to judge a file without scanning megabytes of it.
const SAMPLE_BYTES = 64 * 1024;
// Real text exports contain essentially no C0 control bytes besides tab/newline; a tenth is garbage.
const MAX_CONTROL_RATIO = 0.1;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function isSuspiciousControl(b: number): boolean {
  // Tab, LF, VT, FF, CR and ESC do occur in exported text; the other C0 bytes and DEL do not.
  return (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b) || b === 0x7f;
}

/** Throws BINARY_FILE for bytes that are clearly not a text document (NUL bytes, mostly control bytes). */
export function assertLooksLikeText(bytes: Uint8Array, file: string): void {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  let control = 0;
  for (const b of sample) {
    if (b === 0) {
      throw new DutyListParseError('BINARY_FILE', file, '文件包含二进制数据（NUL 字节），不是文本、CSV 或 XLSX 文件');
    }
    if (isSuspiciousControl(b)) control++;
  }
  if (sample.length > 0 && control / sample.length > MAX_CONTROL_RATIO) {
    throw new DutyListParseError('BINARY_FILE', file, '文件大部分为控制字符，不是文本、CSV 或 XLSX 文件');
  }
}

function strictDecode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Decodes a text/CSV file, detecting the encoding from the bytes only: a BOM wins, then a strict
 * UTF-8 decode, then a strict GB18030 decode (a superset of GBK, which Chinese Excel/WPS exports use).
 */
export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  // UTF-16 legitimately contains NUL bytes, so its BOM is checked before the binary heuristics.
  const utf16 = startsWith(bytes, [0xff, 0xfe]) ? 'utf-16le' : startsWith(bytes, [0xfe, 0xff]) ? 'utf-16be' : null;
  if (utf16) {
    const text = strictDecode(utf16, bytes.subarray(2));
    if (text === null) {
      throw new DutyListParseError('UNKNOWN_ENCODING', file, `文件带有 ${utf16.toUpperCase()} 字节顺序标记，但内容无法按该编码解码`);
    }
    return { text, encoding: utf16 };
  }

  assertLooksLikeText(bytes, file);

  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = strictDecode('utf-8', bytes.subarray(3));
    if (text === null) {
      throw new DutyListParseError('UNKNOWN_ENCODING', file, '文件带有 UTF-8 字节顺序标记，但内容不是有效的 UTF-8');
    }
    return { text, encoding: 'utf-8-bom' };
  }

  const utf8 = strictDecode('utf-8', bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };

  const gb = strictDecode('gb18030', bytes);
  if (gb !== null) return { text: gb, encoding: 'gb18030' };

  throw new DutyListParseError('UNKNOWN_ENCODING', file, '无法识别文件编码（支持 UTF-8、带 BOM 的 UTF-8、GB18030/GBK），请另存为 UTF-8 后重新上传');
}
