import { DomainError, NotFoundError } from '#libs/core';

export const NotificationErrorCode = {
  NOTIFICATION_NOT_FOUND: 'NOTIFICATION_NOT_FOUND',
  OUTBOX_ROW_NOT_FOUND: 'OUTBOX_ROW_NOT_FOUND',
  OUTBOX_MESSAGE_INVALID: 'OUTBOX_MESSAGE_INVALID',
} as const;

export type NotificationErrorCode = (typeof NotificationErrorCode)[keyof typeof NotificationErrorCode];

/** Someone else's notification answers exactly like a missing one. */
export const notificationNotFound = (id: string) =>
  new NotFoundError(NotificationErrorCode.NOTIFICATION_NOT_FOUND, '通知不存在', { id });

export const outboxRowNotFound = (id: string) =>
  new NotFoundError(NotificationErrorCode.OUTBOX_ROW_NOT_FOUND, '未找到发送失败的通知', { id });

/** A programming error of the caller of OutboxService.write, refused before anything is written. */
export const outboxMessageInvalid = (reason: string, details: Record<string, unknown>) =>
  new DomainError(NotificationErrorCode.OUTBOX_MESSAGE_INVALID, 'INVALID', `通知内容无效：${reason}`, details);
