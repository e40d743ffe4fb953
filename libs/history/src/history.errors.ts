import { DomainError } from '#libs/core';

export const HistoryErrorCode = {
  HISTORY_SEAL_BUSY: 'HISTORY_SEAL_BUSY',
  HISTORY_SINCE_INVALID: 'HISTORY_SINCE_INVALID',
} as const;

export type HistoryErrorCode = (typeof HistoryErrorCode)[keyof typeof HistoryErrorCode];

export class HistoryError extends DomainError {}

export const sealBusy = () =>
  new HistoryError(HistoryErrorCode.HISTORY_SEAL_BUSY, 'UNAVAILABLE', '留痕记录写入繁忙，暂无法封存，请稍后重试');

export const sinceInvalid = (value: string) =>
  new HistoryError(HistoryErrorCode.HISTORY_SINCE_INVALID, 'INVALID', 'since 须为 YYYY-MM-DD 或 ISO 时间', { since: value });
