import type { TaskAttachment } from '@prisma/client';

export interface TaskAttachmentView {
  id: string;
  taskId: string;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  createdBy: string;
  createdAt: string;
  /** GET this (with the caller's token) to download the bytes. */
  downloadPath: string;
}

export function toAttachmentView(r: TaskAttachment): TaskAttachmentView {
  return {
    id: r.id,
    taskId: r.taskId,
    fileName: r.fileName,
    mimeType: r.mimeType,
    size: Number(r.size),
    sha256: r.sha256,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    downloadPath: `/api/tasks/${r.taskId}/attachments/${r.id}`,
  };
}
