import { Readable } from 'node:stream';
import archiver from 'archiver';
import { manifest, MANIFEST_NAME, sha256Hex } from './bundle-manifest.rules.js';

export type BundleEntry =
  | { path: string; data: Buffer }
  /** A stored file: opened only when the zip reaches it, so a bundle never holds many open files. */
  | { path: string; sha256: string; open: () => Promise<Readable> };

/**
 * Streams a zip of the entries followed by manifest.sha256 covering all of them. Stored files are
 * listed with the SHA-256 recorded at upload: if the bytes on disk ever changed, `sha256sum -c`
 * on the extracted bundle says so.
 */
export function zipBundle(entries: BundleEntry[], date: Date): Readable {
  const archive = archiver('zip', { zlib: { level: 6 } });
  for (const entry of entries) {
    const source = 'data' in entry ? entry.data : lazy(entry.open);
    archive.append(source, { name: entry.path, date });
  }
  const lines = manifest(entries.map((e) => ({ path: e.path, sha256: 'data' in e ? sha256Hex(e.data) : e.sha256 })));
  archive.append(Buffer.from(lines), { name: MANIFEST_NAME, date });
  void archive.finalize().catch((e: Error) => archive.destroy(e));
  return archive;
}

function lazy(open: () => Promise<Readable>): Readable {
  return Readable.from(
    (async function* () {
      for await (const chunk of await open()) yield chunk as Buffer;
    })(),
    { objectMode: false },
  );
}
