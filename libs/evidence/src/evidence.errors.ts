import { DomainError, NotFoundError } from '#libs/core';

/** Stable codes of evidence failures; messages are for people and may change. */
export const EvidenceErrorCode = {
  EVIDENCE_NOT_FOUND: 'EVIDENCE_NOT_FOUND',
  EVIDENCE_INVALID: 'EVIDENCE_INVALID',
  EVIDENCE_FILE_MISSING: 'EVIDENCE_FILE_MISSING',
  EVIDENCE_FILE_EMPTY: 'EVIDENCE_FILE_EMPTY',
  EVIDENCE_TOO_LARGE: 'EVIDENCE_TOO_LARGE',
  EVIDENCE_TYPE_NOT_ALLOWED: 'EVIDENCE_TYPE_NOT_ALLOWED',
  EVIDENCE_CONTAINER_TOO_LARGE: 'EVIDENCE_CONTAINER_TOO_LARGE',
  EVIDENCE_NOT_ALLOWED: 'EVIDENCE_NOT_ALLOWED',
  EVIDENCE_TASK_CLOSED: 'EVIDENCE_TASK_CLOSED',
  EVIDENCE_UNDER_REVIEW: 'EVIDENCE_UNDER_REVIEW',
  EVIDENCE_TASK_CHANGED: 'EVIDENCE_TASK_CHANGED',
  EVIDENCE_SUPERSEDE_INVALID: 'EVIDENCE_SUPERSEDE_INVALID',
  EVIDENCE_ALREADY_SUPERSEDED: 'EVIDENCE_ALREADY_SUPERSEDED',
  EVIDENCE_FILE_UNAVAILABLE: 'EVIDENCE_FILE_UNAVAILABLE',
} as const;

export type EvidenceErrorCode = (typeof EvidenceErrorCode)[keyof typeof EvidenceErrorCode];

export class EvidenceError extends DomainError {}

/** Also what evidence of a task the actor may not see answers: the same as a missing id. */
export const evidenceNotFound = (id: string) => new NotFoundError(EvidenceErrorCode.EVIDENCE_NOT_FOUND, '证据材料不存在', { id });

export const evidenceInvalid = (fields: { field: string; problems: string[] }[]) =>
  new EvidenceError(EvidenceErrorCode.EVIDENCE_INVALID, 'INVALID', '证据材料内容不符合要求', { fields });

export const fileMissing = () => new EvidenceError(EvidenceErrorCode.EVIDENCE_FILE_MISSING, 'INVALID', '请在表单字段 file 中上传一个文件');

export const fileEmpty = () => new EvidenceError(EvidenceErrorCode.EVIDENCE_FILE_EMPTY, 'UNPROCESSABLE', '上传的文件为空');

export const tooLarge = (maxBytes: number) =>
  new EvidenceError(EvidenceErrorCode.EVIDENCE_TOO_LARGE, 'PAYLOAD_TOO_LARGE', `文件超过大小上限（${formatBytes(maxBytes)}）`, { maxBytes });

export const typeNotAllowed = (reason: string, detail: string) =>
  new EvidenceError(
    EvidenceErrorCode.EVIDENCE_TYPE_NOT_ALLOWED,
    'UNPROCESSABLE',
    `不允许的文件类型：${detail}。可上传 PDF、OFD、Word/Excel/PowerPoint、图片（PNG/JPEG/GIF）或 UTF-8 文本`,
    { reason },
  );

/** A zip-based document over a container limit (entries, inflated size, compression ratio). */
export const containerTooLarge = (detail: string, limit?: { name: string; value: number }) =>
  new EvidenceError(EvidenceErrorCode.EVIDENCE_CONTAINER_TOO_LARGE, 'PAYLOAD_TOO_LARGE', `文件内容超出限制：${detail}`, {
    reason: 'LIMIT',
    ...(limit ? { limit: limit.name, limitValue: limit.value } : {}),
  });

/** The error for a refused upload (see content-inspection.ts). */
export function refusalError(verdict: { reason: string; detail: string; limit?: { name: string; value: number } }): EvidenceError {
  if (verdict.reason === 'EMPTY') return fileEmpty();
  if (verdict.reason === 'LIMIT') return containerTooLarge(verdict.detail, verdict.limit);
  return typeNotAllowed(verdict.reason, verdict.detail);
}

export const notAllowed = () =>
  new EvidenceError(EvidenceErrorCode.EVIDENCE_NOT_ALLOWED, 'FORBIDDEN', '只有任务承办人（或审核中的当前审核人）可以提交证据材料');

export const taskClosed = (status: string) =>
  new EvidenceError(EvidenceErrorCode.EVIDENCE_TASK_CLOSED, 'CONFLICT', '任务已办结或撤销，不能再提交证据材料', { status });

export const underReview = () =>
  new EvidenceError(EvidenceErrorCode.EVIDENCE_UNDER_REVIEW, 'CONFLICT', '任务已报审，材料已锁定；如需补充请由审核人退回');

export const taskChanged = (id: string) =>
  new EvidenceError(EvidenceErrorCode.EVIDENCE_TASK_CHANGED, 'CONFLICT', '任务状态已变化，请刷新后重试', { id });

export const supersedeInvalid = (reason: string, details: Record<string, unknown>) =>
  new EvidenceError(EvidenceErrorCode.EVIDENCE_SUPERSEDE_INVALID, 'UNPROCESSABLE', reason, details);

export const alreadySuperseded = (id: string) =>
  new EvidenceError(EvidenceErrorCode.EVIDENCE_ALREADY_SUPERSEDED, 'CONFLICT', '该材料已被更正，请更正最新的一份', { supersedesId: id });

export const fileUnavailable = (id: string) =>
  new EvidenceError(EvidenceErrorCode.EVIDENCE_FILE_UNAVAILABLE, 'UNAVAILABLE', '证据文件暂不可读取，请联系管理员', { id });

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KB`;
  return `${n} 字节`;
}

export const EvidenceStoreErrorCode = {
  EVIDENCE_STORE_FULL: 'EVIDENCE_STORE_FULL',
  EVIDENCE_STORE_UNAVAILABLE: 'EVIDENCE_STORE_UNAVAILABLE',
} as const;

// Failures of the disk itself, not of the upload: no room (507), or not writable/reachable (503).
const FULL = new Set(['ENOSPC', 'EDQUOT']);
const UNAVAILABLE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EIO', 'ENOENT', 'ESTALE', 'EISDIR']);

/** Seconds a client should wait before trying an upload again while the store is unavailable. */
const STORE_RETRY_AFTER_SECONDS = 60;

/** A filesystem error of the evidence store as a typed error (others are returned unchanged). */
export function evidenceStoreFailure(error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && FULL.has(code)) {
    return new EvidenceError(EvidenceStoreErrorCode.EVIDENCE_STORE_FULL, 'INSUFFICIENT_STORAGE', '证据存储空间已满，请联系管理员', { errno: code });
  }
  if (code && UNAVAILABLE.has(code)) {
    return new EvidenceError(EvidenceStoreErrorCode.EVIDENCE_STORE_UNAVAILABLE, 'UNAVAILABLE', '证据存储暂不可写，请稍后再试或联系管理员', {
      errno: code,
      retryAfterSeconds: STORE_RETRY_AFTER_SECONDS,
    });
  }
  return error;
}
