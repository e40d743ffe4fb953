import type { Schemas } from '../../api/client';

export type TaskDetail = Schemas['TaskDetailDto'];
export type Task = TaskDetail['task'];
export type AllowedAction = TaskDetail['allowedActions'][number];
export type Evidence = Schemas['EvidenceDto'];
export type HistoryEvent = Schemas['HistoryEventDto'];

export const EVIDENCE_NAMES: Record<string, string> = {
  FILE: '文件',
  NOTE: '文字说明',
  LINK: '链接',
  DOC_NUMBER: '文号',
  MINUTES: '会议纪要',
};

/** A date-only column arrives as midnight UTC: its first ten characters are the date. */
export const dateOnly = (value: string | null | undefined) => (value ? value.slice(0, 10) : '—');
