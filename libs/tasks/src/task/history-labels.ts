import type { ActorNames } from '#libs/history';

// Chinese names of the history event types a task's timeline shows (履职留痕).
const EVENT_LABELS: Record<string, string> = {
  'task.created': '任务下达',
  'task.accepted': '签收',
  'task.started': '开始办理',
  'task.submitted': '报审',
  'task.approved': '审核通过',
  'task.returned': '退回',
  'task.cancelled': '撤销',
  'task.reassigned': '转办',
  'task.urged': '催办',
  'task.note': '备注',
  'task.deadline.recomputed': '期限重算',
  'evidence.added': '添加履职材料',
  'attachment.added': '添加交办附件',
  'extension.requested': '延期申请',
  'extension.approved': '延期批准',
  'extension.rejected': '延期驳回',
  'escalation.raised': '预警升级',
  'escalation.acknowledged': '确认已阅预警',
};

/** An unknown (newer) type keeps its code, so the record is never hidden behind a vague label. */
export function historyEventLabel(type: string): string {
  return EVENT_LABELS[type] ?? type;
}

/**
 * Who a history entry shows as the actor: the person's name, the account's name for a person-less
 * account, else 系统; the names as read with the entry (null where that person or account is gone).
 */
export function historyActorName(event: { actorPersonId: string | null; actorUserId: string | null } & ActorNames): string {
  if (event.actorPersonId) return event.actorPersonName ?? '（已删除人员）';
  if (event.actorUserId) return event.actorUserName ?? '（已删除账号）';
  return '系统';
}
