import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { SAMPLE_BYTES } from '../rules/content-sniff.rules.js';
import { tooLarge } from '../evidence.errors.js';

/**
 * Passes bytes through while hashing (SHA-256), counting, enforcing the size limit and keeping the
 * first and last SAMPLE_BYTES for sniffing: memory stays bounded whatever the upload's size.
 */
export class ContentMeter extends Transform {
  size = 0;
  private readonly hash = createHash('sha256');
  private headChunks: Buffer[] = [];
  private headLength = 0;
  private headDone = false;
  private tailBuffer = Buffer.alloc(0);
  private digest: string | undefined;

  constructor(
    private readonly maxBytes: number,
    private readonly inspectHead?: (head: Buffer) => void,
  ) {
    super();
  }

  get sha256(): string {
    this.digest ??= this.hash.digest('hex');
    return this.digest;
  }

  get head(): Buffer {
    return Buffer.concat(this.headChunks).subarray(0, SAMPLE_BYTES);
  }

  get tail(): Buffer {
    return this.tailBuffer;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) return callback(tooLarge(this.maxBytes));
    this.hash.update(chunk);
    if (!this.headDone) {
      this.headChunks.push(chunk);
      this.headLength += chunk.length;
      if (this.headLength >= SAMPLE_BYTES) {
        const error = this.finishHead();
        if (error) return callback(error);
      }
    }
    this.tailBuffer = Buffer.concat([this.tailBuffer, chunk]).subarray(-SAMPLE_BYTES);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    callback(this.headDone ? null : this.finishHead());
  }

  private finishHead(): Error | null {
    this.headDone = true;
    this.headChunks = [this.head];
    try {
      this.inspectHead?.(this.headChunks[0]!);
      return null;
    } catch (e) {
      return e as Error;
    }
  }
}
