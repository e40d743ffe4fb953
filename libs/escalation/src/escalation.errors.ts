import { DomainError, NotFoundError } from '#libs/core';

export const escalationNotFound = (id: string) => new NotFoundError('ESCALATION_NOT_FOUND', '督办记录不存在', { id });

export const notRecipient = (id: string) =>
  new DomainError('ESCALATION_NOT_RECIPIENT', 'FORBIDDEN', '只有该级督办的接收人可以确认', { id });

export const urgeNotAllowed = (taskId: string) =>
  new DomainError('URGE_NOT_ALLOWED', 'FORBIDDEN', '只有分管的副职或正职可以催办', { taskId });

export const urgeTooSoon = (taskId: string, retryAfterSeconds: number) =>
  new DomainError('URGE_RATE_LIMITED', 'RATE_LIMITED', '该任务刚催办过，请稍后再试', { taskId, retryAfterSeconds });

export const policyInvalid = (problem: string) =>
  new DomainError('ESCALATION_POLICY_INVALID', 'INVALID', `升级规则无效：${problem}`, { problem });

export const policyNotFound = (scope: string) => new NotFoundError('ESCALATION_POLICY_NOT_FOUND', '该范围没有单独设置的升级规则', { scope });

export const policyScopeNotFound = (kind: 'UNIT' | 'WORK_ITEM', id: string) =>
  new NotFoundError(kind === 'UNIT' ? 'UNIT_NOT_FOUND' : 'WORK_ITEM_NOT_FOUND', kind === 'UNIT' ? '内设机构不存在' : '工作事项不存在', { id });

export const policyReadDenied = () =>
  new DomainError('ESCALATION_POLICY_READ_DENIED', 'FORBIDDEN', '只有管理员或科室正职可以查看升级规则');

export const personNotFound = (id: string) => new NotFoundError('PERSON_NOT_FOUND', '人员不存在', { id });
