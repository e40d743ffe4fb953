import type { Readable } from 'node:stream';
import type { EvidenceKind } from '@prisma/client';

/**
 * One part of a multipart upload, as the HTTP layer hands it over: fields as text, the file as a
 * stream that must be consumed before the next part arrives.
 */
export type UploadPart =
  | { type: 'field'; name: string; value: string }
  | { type: 'file'; name: string; fileName: string; stream: Readable };

export interface EvidenceView {
  id: string;
  taskId: string;
  kind: EvidenceKind;
  /** Kind-specific: { text } | { url, title? } | { number, title?, issuedOn? } | { date, participants, conclusions, title? } | { description? }. */
  content: Record<string, unknown>;
  fileName: string | null;
  mimeType: string | null;
  size: number | null;
  sha256: string | null;
  createdBy: string;
  actingForPostId: string | null;
  createdAt: string;
  /** The item this one corrects, and the item that corrected this one; both are kept. */
  supersedesId: string | null;
  supersededById: string | null;
  /** Not superseded: the version that counts. */
  current: boolean;
}

export interface EvidenceDownload {
  stream: Readable;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
}
