import { inflateRawSync } from 'node:zlib';
import type { ByteSource } from './byte-source.js';

/**
 * Reads a zip file's WHOLE central directory (from the end-of-central-directory record), so a
 * check sees every entry wherever it lies, and inflates single entries with a hard output bound.
 * Used before anything else opens an upload: duty-list XLSX imports and OOXML/OFD evidence.
 *
 * Zip64 is refused: Office and WPS write it only past 4 GiB or 65,535 entries, far beyond any
 * document we accept, and one format fewer is one parser fewer to get wrong.
 */

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** As declared by the directory; inflateEntry never trusts it beyond its own bound. */
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipLimits {
  maxEntries: number;
  /** Declared inflated size of one entry. */
  maxEntryBytes: number;
  /** Declared inflated size of all entries together. */
  maxInflatedBytes: number;
  /** Inflated/compressed, per entry and overall, once past RATIO_FLOOR_BYTES. */
  maxRatio: number;
}

/** Defaults for any zip upload; callers with a narrower use pass tighter limits. */
export const ZIP_LIMITS: ZipLimits = {
  maxEntries: 5_000,
  maxEntryBytes: 256 * 1024 * 1024,
  maxInflatedBytes: 512 * 1024 * 1024,
  // Office XML deflates 5–20:1; a deflate bomb reaches ~1,000:1.
  maxRatio: 200,
};

/** Small entries may compress extremely well (a run of spaces) without being able to hurt anyone. */
export const RATIO_FLOOR_BYTES = 1024 * 1024;

/** The central directory itself is read into memory; this bounds it (5,000 entries need ~1 MiB). */
const MAX_DIRECTORY_BYTES = 16 * 1024 * 1024;

export type ZipContainerErrorCode =
  | 'ZIP_CORRUPT'
  | 'ZIP64_UNSUPPORTED'
  | 'ZIP_TOO_MANY_ENTRIES'
  | 'ZIP_ENTRY_TOO_LARGE'
  | 'ZIP_INFLATED_TOO_LARGE'
  | 'ZIP_RATIO_TOO_HIGH';

/** A container that is broken or over a limit; `limit` names the limit and its value. */
export class ZipContainerError extends Error {
  constructor(
    readonly code: ZipContainerErrorCode,
    message: string,
    readonly limit?: { name: keyof ZipLimits; value: number },
  ) {
    super(message);
    this.name = 'ZipContainerError';
  }

  /** Over a size limit (413) rather than malformed (400). */
  get tooLarge(): boolean {
    return this.code !== 'ZIP_CORRUPT' && this.code !== 'ZIP64_UNSUPPORTED';
  }
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EOCD_SIZE = 22;

const corrupt = (what: string) => new ZipContainerError('ZIP_CORRUPT', `压缩包结构无效：${what}`);

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / 1024 / 1024).toFixed(1)} MiB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`;
  return `${n} 字节`;
}

/** Every entry of the central directory, checked against the limits before anything is inflated. */
export async function readZipDirectory(source: ByteSource, limits: ZipLimits = ZIP_LIMITS): Promise<ZipEntry[]> {
  const tailLength = Math.min(source.size, EOCD_SIZE + 0xffff);
  const tail = await source.read(source.size - tailLength, tailLength);
  // The record is the last signature whose comment ends exactly at the end of the file.
  let at = -1;
  for (let i = tail.length - EOCD_SIZE; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD && i + EOCD_SIZE + tail.readUInt16LE(i + 20) === tail.length) {
      at = i;
      break;
    }
  }
  if (at < 0) throw corrupt('找不到中央目录结尾记录');
  const count = tail.readUInt16LE(at + 10);
  const directorySize = tail.readUInt32LE(at + 12);
  const directoryOffset = tail.readUInt32LE(at + 16);
  const recordOffset = source.size - tailLength + at;
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff || (at >= 20 && tail.readUInt32LE(at - 20) === ZIP64_LOCATOR)) {
    throw new ZipContainerError('ZIP64_UNSUPPORTED', '不支持 ZIP64 格式的压缩包');
  }
  if (tail.readUInt16LE(at + 4) !== 0 || tail.readUInt16LE(at + 6) !== 0) throw corrupt('不支持分卷压缩包');
  // Data before the first entry (a self-extracting stub) or between directory and record is refused.
  if (directoryOffset + directorySize !== recordOffset) throw corrupt('中央目录位置与结尾记录不符');
  if (count > limits.maxEntries) throw tooManyEntries(limits);
  if (directorySize > MAX_DIRECTORY_BYTES) throw corrupt('中央目录过大');

  const directory = await source.read(directoryOffset, directorySize);
  const entries: ZipEntry[] = [];
  let totalInflated = 0;
  let totalCompressed = 0;
  for (let p = 0; p < directory.length; ) {
    if (p + 46 > directory.length || directory.readUInt32LE(p) !== CENTRAL) throw corrupt('中央目录记录损坏');
    const nameLength = directory.readUInt16LE(p + 28);
    const next = p + 46 + nameLength + directory.readUInt16LE(p + 30) + directory.readUInt16LE(p + 32);
    if (next > directory.length) throw corrupt('中央目录记录损坏');
    const entry: ZipEntry = {
      name: directory.subarray(p + 46, p + 46 + nameLength).toString('utf8'),
      flags: directory.readUInt16LE(p + 8),
      method: directory.readUInt16LE(p + 10),
      compressedSize: directory.readUInt32LE(p + 20),
      uncompressedSize: directory.readUInt32LE(p + 24),
      localHeaderOffset: directory.readUInt32LE(p + 42),
    };
    if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff || entry.localHeaderOffset === 0xffffffff) {
      throw new ZipContainerError('ZIP64_UNSUPPORTED', '不支持 ZIP64 格式的压缩包');
    }
    if (entry.localHeaderOffset + 30 + entry.compressedSize > directoryOffset) throw corrupt(`条目“${entry.name}”超出数据区`);
    entries.push(entry);
    if (entries.length > limits.maxEntries) throw tooManyEntries(limits);
    if (entry.uncompressedSize > limits.maxEntryBytes) {
      throw new ZipContainerError(
        'ZIP_ENTRY_TOO_LARGE',
        `压缩包条目“${entry.name}”解压后 ${formatBytes(entry.uncompressedSize)}，超过单个条目上限 ${formatBytes(limits.maxEntryBytes)}`,
        { name: 'maxEntryBytes', value: limits.maxEntryBytes },
      );
    }
    checkRatio(entry.uncompressedSize, entry.compressedSize, limits, `条目“${entry.name}”`);
    totalInflated += entry.uncompressedSize;
    totalCompressed += entry.compressedSize;
    if (totalInflated > limits.maxInflatedBytes) {
      throw new ZipContainerError('ZIP_INFLATED_TOO_LARGE', `压缩包解压后超过 ${formatBytes(limits.maxInflatedBytes)} 的上限`, {
        name: 'maxInflatedBytes',
        value: limits.maxInflatedBytes,
      });
    }
    p = next;
  }
  if (entries.length !== count) throw corrupt('条目数与结尾记录不符');
  checkRatio(totalInflated, totalCompressed, limits, '整体');
  return entries;
}

function tooManyEntries(limits: ZipLimits): ZipContainerError {
  return new ZipContainerError('ZIP_TOO_MANY_ENTRIES', `压缩包条目超过 ${limits.maxEntries} 个的上限`, { name: 'maxEntries', value: limits.maxEntries });
}

function checkRatio(inflated: number, compressed: number, limits: ZipLimits, what: string): void {
  if (inflated <= RATIO_FLOOR_BYTES || inflated <= compressed * limits.maxRatio) return;
  throw new ZipContainerError(
    'ZIP_RATIO_TOO_HIGH',
    `压缩包${what}压缩比 ${Math.round(inflated / Math.max(1, compressed))}:1，超过 ${limits.maxRatio}:1 的上限（疑似压缩炸弹）`,
    { name: 'maxRatio', value: limits.maxRatio },
  );
}

/**
 * One entry's bytes, inflated with a hard bound: never more than min(declared size, maxBytes),
 * and an entry that inflates to something other than its declared size is refused as corrupt.
 */
export async function inflateEntry(source: ByteSource, entry: ZipEntry, maxBytes: number): Promise<Buffer> {
  if (entry.uncompressedSize > maxBytes) {
    throw new ZipContainerError(
      'ZIP_ENTRY_TOO_LARGE',
      `压缩包条目“${entry.name}”解压后 ${formatBytes(entry.uncompressedSize)}，超过 ${formatBytes(maxBytes)} 的上限`,
      { name: 'maxEntryBytes', value: maxBytes },
    );
  }
  if (entry.flags & 1) throw corrupt(`条目“${entry.name}”已加密`);
  const header = await source.read(entry.localHeaderOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL) throw corrupt(`条目“${entry.name}”的本地文件头损坏`);
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const data = await source.read(start, entry.compressedSize);
  if (data.length !== entry.compressedSize) throw corrupt(`条目“${entry.name}”被截断`);
  let out: Buffer;
  if (entry.method === 0) out = data;
  else if (entry.method === 8) {
    try {
      out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    } catch {
      throw corrupt(`条目“${entry.name}”无法解压或大小与声明不符`);
    }
  } else throw corrupt(`条目“${entry.name}”使用不支持的压缩方式 ${entry.method}`);
  if (out.length !== entry.uncompressedSize) throw corrupt(`条目“${entry.name}”大小与声明不符`);
  return out;
}
