import { createHash } from 'node:crypto';

export interface ManifestEntry {
  /** Path inside the bundle, relative to its root (e.g. `files/<id>.pdf`). */
  path: string;
  sha256: string;
}

export const MANIFEST_NAME = 'manifest.sha256';

const SAFE_PATH = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;

/**
 * `sha256sum -c` format: "<64 hex>  <path>" per line (two spaces: text mode). Paths are plain
 * ASCII, so no escaping rules of sha256sum come into play and every unzip tool agrees on them.
 */
export function manifest(entries: ManifestEntry[]): string {
  return entries
    .map((e) => {
      if (!/^[0-9a-f]{64}$/.test(e.sha256)) throw new Error(`invalid sha256 for ${e.path}`);
      if (!SAFE_PATH.test(e.path) || e.path.split('/').includes('..')) throw new Error(`unsafe bundle path ${JSON.stringify(e.path)}`);
      return `${e.sha256}  ${e.path}\n`;
    })
    .join('');
}

export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}
