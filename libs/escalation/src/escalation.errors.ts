import { DomainError, NotFoundError } from '#libs/core';

export const escalationNotFound = (id: string) => new NotFoundError('ESCALATION_NOT_FOUND', '督办记录不存在', { id });

export const notRecipient = (id: string) =>
  new DomainError('ESCALATION_NOT_RECIPIENT', 'FORBIDDEN', '只有该级督办的接收人可以确认', { id });

export const urgeNotAllowed = (taskId: string) =>
  new DomainError('URGE_NOT_ALLOWED', 'FORBIDDEN', '只有分管的副职或正职可以催办', { taskId });

export const urgeTooSoon = (taskId: string, retryAfterSeconds: number) =>
  new DomainError('URGE_RATE_LIMITED', 'RATE_LIMITED', '该任务刚催办过，请稍后再试', { taskId, retryAfterSeconds });
