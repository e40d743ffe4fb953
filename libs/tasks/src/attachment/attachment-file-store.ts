import type { Readable } from 'node:stream';

/** An upload streamed to a staging place, measured, hashed and judged; not yet on record. */
export interface StagedAttachment {
  /** The store's own handle on the staged bytes. */
  readonly handle: unknown;
  readonly fileName: string;
  readonly mimeType: string;
  readonly size: number;
  /** SHA-256 of the bytes, hex. */
  readonly sha256: string;
}

/** One part of a multipart request, as the HTTP layer hands it over (fields and at most one file). */
export type AttachmentPart =
  | { type: 'field'; name: string; value: string }
  | { type: 'file'; name: string; fileName: string; stream: Readable };

/**
 * Where assignment files' bytes live. A port: the application binds it to the evidence store, so
 * attachments get the same size limit, content check (by bytes, not name), SHA-256 and storage as
 * evidence, without this library depending on the evidence library (which depends on it).
 */
export abstract class AttachmentFileStore {
  /** Streams an upload to staging; throws the store's typed refusal (too large, empty, type not allowed). */
  abstract stage(fileName: string, source: Readable): Promise<StagedAttachment>;
  /** Moves a staged file into place; returns its storage key. */
  abstract commit(staged: StagedAttachment): Promise<string>;
  abstract discard(staged: StagedAttachment): Promise<void>;
  /** Undoes a commit whose database transaction then failed. */
  abstract removeUnrecorded(key: string): Promise<void>;
  /** Opens a stored file; null when it is missing. */
  abstract open(key: string): Promise<Readable | null>;
  /** A safe download name for a stored file of this type. */
  abstract downloadName(fileName: string, mimeType: string): string;
}
