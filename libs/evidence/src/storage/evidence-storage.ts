import type { Readable } from 'node:stream';
import type { ByteSource } from '#libs/core';

/** An upload written to a temporary place, measured and hashed, not yet part of the record. */
export interface StagedFile {
  readonly stagingId: string;
  readonly size: number;
  /** SHA-256 of the bytes as written, hex. */
  readonly sha256: string;
  /** First and last bytes, for content sniffing (see content-sniff.rules.ts). */
  readonly head: Buffer;
  readonly tail: Buffer;
}

export interface StageOptions {
  /** More bytes than this aborts the write with EVIDENCE_TOO_LARGE. */
  maxBytes: number;
  /** Sees the first bytes as soon as they arrive; throwing aborts the write (refuse early). */
  inspectHead?: (head: Buffer) => void;
}

/**
 * Where evidence bytes live. Uploads are streamed (never held whole in memory) to a staging area,
 * then either committed under a server-generated key or discarded. Stored objects are never
 * changed or deleted: a correction is a new object.
 */
export abstract class EvidenceStorage {
  abstract stage(source: Readable, options: StageOptions): Promise<StagedFile>;
  /** Random access to a staged file for content checks that read more than its samples; close it. */
  abstract openStaged(staged: StagedFile): Promise<ByteSource & { close(): Promise<void> }>;
  /** Moves a staged file into place; returns its storage key. */
  abstract commit(staged: StagedFile): Promise<string>;
  abstract discard(staged: StagedFile): Promise<void>;
  /** Undoes a commit whose database transaction then failed: the object was never on record. */
  abstract removeUnrecorded(key: string): Promise<void>;
  /** Whether the object exists (checked before streaming a bundle that needs it). */
  abstract exists(key: string): Promise<boolean>;
  /** Opens an object for reading; null when it is missing. */
  abstract open(key: string): Promise<Readable | null>;
  /** Throws when an upload could not be stored now (full, read-only, unreachable): for /health. */
  abstract probe(): Promise<void>;
}
