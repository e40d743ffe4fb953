import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileSource, type ByteSource } from '#libs/core';
import { evidenceStoreFailure } from '../evidence.errors.js';
import { ContentMeter } from './content-meter.js';
import { EvidenceStorage, type StagedFile, type StageOptions } from './evidence-storage.js';

const KEY = /^[0-9a-f]{2}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const STAGING_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Evidence on a local (or mounted) disk under EVIDENCE_DIR:
 *   tmp/<uuid>.part   uploads being written (same filesystem, so commit is an atomic rename)
 *   objects/ab/<uuid> committed objects, fanned out by the first two hex digits
 * Names are generated here; nothing a user sends becomes part of a path.
 */
export class LocalDiskEvidenceStorage extends EvidenceStorage {
  private readonly root: string;

  constructor(dir: string) {
    super();
    this.root = resolve(dir);
  }

  async stage(source: Readable, options: StageOptions): Promise<StagedFile> {
    const stagingId = randomUUID();
    const temp = this.tempPath(stagingId);
    await mkdir(join(this.root, 'tmp'), { recursive: true }).catch(rethrowStoreFailure);
    const meter = new ContentMeter(options.maxBytes, options.inspectHead);
    // flush: fsync before close — the database will point at these bytes once committed.
    const out = createWriteStream(temp, { flags: 'wx', mode: 0o600, flush: true });
    try {
      await pipeline(source, meter, out);
    } catch (e) {
      // An early failure can come while the file is still being opened: unlink once it is closed.
      if (!out.closed) await once(out, 'close').catch(() => undefined);
      await unlink(temp).catch(() => undefined);
      throw evidenceStoreFailure(e);
    }
    return { stagingId, size: meter.size, sha256: meter.sha256, head: meter.head, tail: meter.tail };
  }

  openStaged(staged: StagedFile): Promise<ByteSource & { close(): Promise<void> }> {
    return fileSource(this.tempPath(this.checkedStagingId(staged)));
  }

  async commit(staged: StagedFile): Promise<string> {
    const id = this.checkedStagingId(staged);
    const key = `${id.slice(0, 2)}/${id}`;
    try {
      await mkdir(join(this.root, 'objects', id.slice(0, 2)), { recursive: true });
      await rename(this.tempPath(id), this.objectPath(key));
    } catch (e) {
      throw evidenceStoreFailure(e);
    }
    return key;
  }

  /** Writes, reads back and deletes a small file in the staging area: what an upload needs. */
  async probe(): Promise<void> {
    const path = join(this.root, 'tmp', `probe-${randomUUID()}`);
    try {
      await mkdir(join(this.root, 'tmp'), { recursive: true });
      await writeFile(path, 'probe', { flag: 'wx', mode: 0o600 });
      await unlink(path);
    } catch (e) {
      await unlink(path).catch(() => undefined);
      throw evidenceStoreFailure(e);
    }
  }

  async discard(staged: StagedFile): Promise<void> {
    await unlink(this.tempPath(this.checkedStagingId(staged))).catch(ignoreMissing);
  }

  async removeUnrecorded(key: string): Promise<void> {
    await unlink(this.objectPath(key)).catch(ignoreMissing);
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.objectPath(key))).isFile();
    } catch {
      return false;
    }
  }

  async open(key: string): Promise<Readable | null> {
    const handle = await open(this.objectPath(key), 'r').catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return null;
      throw e;
    });
    // Opened here, so a missing object is a clean null rather than a stream error mid-response.
    return handle ? handle.createReadStream() : null;
  }

  private tempPath(stagingId: string): string {
    return join(this.root, 'tmp', `${stagingId}.part`);
  }

  private objectPath(key: string): string {
    // Keys come from the database; a malformed one must never become a path outside the root.
    if (!KEY.test(key)) throw new Error(`invalid evidence storage key: ${JSON.stringify(key)}`);
    return join(this.root, 'objects', key);
  }

  private checkedStagingId(staged: StagedFile): string {
    if (!STAGING_ID.test(staged.stagingId)) throw new Error('invalid staging id');
    return staged.stagingId;
  }
}

function rethrowStoreFailure(e: unknown): never {
  throw evidenceStoreFailure(e);
}

function ignoreMissing(e: NodeJS.ErrnoException): void {
  if (e.code !== 'ENOENT') throw e;
}
