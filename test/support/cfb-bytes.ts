/**
 * An OLE2 compound file (version 3, 512-byte sectors) written byte by byte: `filler` empty data
 * sectors, then a directory holding `names` (4 entries per sector) chained through the FAT, so a
 * test can put a `_VBA_PROJECT` entry in the middle of a directory far from either end of the file.
 */
export function cfbBytes(names: string[], options: { fillerSectors?: number; rootClsid?: Buffer } = {}): Buffer {
  const S = 512;
  const entries = ['Root Entry', ...names];
  const dirSectors = Math.ceil(entries.length / 4);
  const filler = options.fillerSectors ?? 0;
  let fatSectors = 1;
  while (fatSectors * 128 < fatSectors + filler + dirSectors) fatSectors++;
  if (fatSectors > 109) throw new Error('cfbBytes: too large for a header-only DIFAT');
  const total = fatSectors + filler + dirSectors;
  const firstDir = fatSectors + filler;

  const fat = Buffer.alloc(fatSectors * S, 0xff); // free sectors
  for (let i = 0; i < fatSectors; i++) fat.writeUInt32LE(0xfffffffd, i * 4); // FAT sectors
  for (let i = 0; i < dirSectors; i++) fat.writeUInt32LE(i === dirSectors - 1 ? 0xfffffffe : firstDir + i + 1, (firstDir + i) * 4);

  const dir = Buffer.alloc(dirSectors * S);
  entries.forEach((name, i) => {
    const at = i * 128;
    const encoded = Buffer.from(`${name}\0`, 'utf16le');
    encoded.copy(dir, at);
    dir.writeUInt16LE(encoded.length, at + 64);
    dir[at + 66] = i === 0 ? 5 : 2;
    dir[at + 67] = 1;
    dir.writeUInt32LE(0xffffffff, at + 68);
    dir.writeUInt32LE(0xffffffff, at + 72);
    dir.writeUInt32LE(0xffffffff, at + 76);
    if (i === 0 && options.rootClsid) options.rootClsid.copy(dir, at + 80);
    dir.writeUInt32LE(0xfffffffe, at + 116);
  });

  const header = Buffer.alloc(S);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(fatSectors, 0x2c);
  header.writeUInt32LE(firstDir, 0x30);
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(0xfffffffe, 0x3c);
  header.writeUInt32LE(0xfffffffe, 0x44);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i < fatSectors ? i : 0xffffffff, 0x4c + i * 4);
  const body = Buffer.concat([fat, Buffer.alloc(filler * S), dir]);
  if (body.length !== total * S) throw new Error('cfbBytes: layout');
  return Buffer.concat([header, body]);
}
