import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { AppConfig } from '#libs/core';
import {
  downloadName,
  EvidenceStorage,
  extensionsOfMime,
  inspectStaged,
  refusalError,
  sanitizeFileName,
  sniffContent,
  typeNotAllowed,
  type StagedFile,
} from '#libs/evidence';
import { AttachmentFileStore, type StagedAttachment } from '#libs/tasks';

/**
 * Binds the task library's attachment port to the evidence store: the same EVIDENCE_MAX_BYTES
 * limit, the same content check by bytes (an executable is stopped at its first bytes), the same
 * SHA-256 and the same append-only storage as evidence files.
 */
@Injectable()
export class EvidenceAttachmentStore extends AttachmentFileStore {
  constructor(
    private readonly storage: EvidenceStorage,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async stage(fileName: string, source: Readable): Promise<StagedAttachment> {
    const staged = await this.storage.stage(source, { maxBytes: this.config.evidenceMaxBytes, inspectHead: refuseExecutables });
    const verdict = await inspectStaged(this.storage, staged).catch(async (e: unknown) => {
      await this.storage.discard(staged);
      throw e;
    });
    if (!verdict.allowed) {
      await this.storage.discard(staged);
      throw refusalError(verdict);
    }
    return { handle: staged, fileName: sanitizeFileName(fileName, '附件'), mimeType: verdict.type.mime, size: staged.size, sha256: staged.sha256 };
  }

  commit(staged: StagedAttachment): Promise<string> {
    return this.storage.commit(staged.handle as StagedFile);
  }

  discard(staged: StagedAttachment): Promise<void> {
    return this.storage.discard(staged.handle as StagedFile);
  }

  removeUnrecorded(key: string): Promise<void> {
    return this.storage.removeUnrecorded(key);
  }

  open(key: string): Promise<Readable | null> {
    return this.storage.open(key);
  }

  downloadName(fileName: string, mimeType: string): string {
    return downloadName(fileName, extensionsOfMime(mimeType));
  }
}

function refuseExecutables(head: Buffer): void {
  const verdict = sniffContent({ head, tail: Buffer.alloc(0), size: head.length });
  if (!verdict.allowed && verdict.reason === 'EXECUTABLE') throw typeNotAllowed(verdict.reason, verdict.detail);
}
