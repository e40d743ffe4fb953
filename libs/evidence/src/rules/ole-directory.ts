import type { ByteSource } from '#libs/core';

/**
 * The WHOLE directory of an OLE2 compound file (legacy DOC/XLS/PPT, WPS, MSI): the header's FAT
 * sectors (and the DIFAT chain beyond the first 109), then the directory's own sector chain.
 * Reading every directory sector is what finds a `_VBA_PROJECT` entry however deep it lies.
 */
export interface OleDirectory {
  names: string[];
  /** CLSID of the root storage (identifies e.g. Windows Installer packages). */
  rootClsid: Buffer;
}

export class OleFormatError extends Error {}

const SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const MAX_REGULAR_SECTOR = 0xfffffffa;
const END_OF_CHAIN = 0xfffffffe;
const HEADER_DIFAT_ENTRIES = 109;

export async function readOleDirectory(source: ByteSource): Promise<OleDirectory> {
  const header = await source.read(0, 512);
  if (header.length < 512 || !header.subarray(0, 8).equals(SIGNATURE)) throw new OleFormatError('不是 OLE 复合文档');
  const shift = header.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) throw new OleFormatError('扇区大小无效');
  const sectorSize = 1 << shift;
  // Every chain is bounded by the sectors the file can hold, so a cycle cannot run forever.
  const sectorCount = Math.ceil(source.size / sectorSize);
  const fatSectorCount = header.readUInt32LE(0x2c);
  if (fatSectorCount > sectorCount) throw new OleFormatError('FAT 扇区数超出文件大小');
  const sectorAt = async (sector: number) => {
    if (sector >= sectorCount) throw new OleFormatError('扇区编号超出文件大小');
    const buf = await source.read((sector + 1) * sectorSize, sectorSize);
    if (buf.length !== sectorSize) throw new OleFormatError('文件被截断');
    return buf;
  };

  const fatSectors: number[] = [];
  for (let i = 0; i < HEADER_DIFAT_ENTRIES && fatSectors.length < fatSectorCount; i++) fatSectors.push(header.readUInt32LE(0x4c + i * 4));
  let difat = header.readUInt32LE(0x44);
  for (let hops = 0; fatSectors.length < fatSectorCount; hops++) {
    if (difat > MAX_REGULAR_SECTOR || hops > sectorCount) throw new OleFormatError('DIFAT 链损坏');
    const sector = await sectorAt(difat);
    for (let i = 0; i < sectorSize / 4 - 1 && fatSectors.length < fatSectorCount; i++) fatSectors.push(sector.readUInt32LE(i * 4));
    difat = sector.readUInt32LE(sectorSize - 4);
  }
  const fat: number[] = [];
  for (const sector of fatSectors) {
    const buf = await sectorAt(sector);
    for (let i = 0; i < sectorSize; i += 4) fat.push(buf.readUInt32LE(i));
  }

  const names: string[] = [];
  let rootClsid = Buffer.alloc(16);
  const seen = new Set<number>();
  for (let sector = header.readUInt32LE(0x30); sector !== END_OF_CHAIN; sector = fat[sector] ?? END_OF_CHAIN) {
    if (sector > MAX_REGULAR_SECTOR || seen.has(sector) || sector >= fat.length) throw new OleFormatError('目录扇区链损坏');
    seen.add(sector);
    const buf = await sectorAt(sector);
    for (let at = 0; at + 128 <= buf.length; at += 128) {
      const type = buf[at + 66];
      if (type === 0) continue; // unused slot
      const length = Math.min(64, buf.readUInt16LE(at + 64));
      const name = buf.subarray(at, at + Math.max(0, length - 2)).toString('utf16le');
      if (type === 5) rootClsid = Buffer.from(buf.subarray(at + 80, at + 96));
      names.push(name);
    }
  }
  if (names.length === 0) throw new OleFormatError('目录为空');
  return { names, rootClsid };
}
