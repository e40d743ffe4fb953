/** Escalation colours, lowest to highest urgency. */
export type NotificationColour = 'blue' | 'yellow' | 'orange' | 'red';

/**
 * What a notification says, written by the escalation sweep (or a manual 催办) into the outbox and
 * rendered at delivery. Self-contained on purpose: delivery must not depend on the task still
 * looking the way it did when the decision to notify was taken.
 */
export interface NotificationPayload {
  kind: 'ESCALATION' | 'URGE';
  /** 0..3 (URGE: 2). */
  level: number;
  /** 提醒 / 逾期 / 催办 / 督办 */
  levelName: string;
  colour: NotificationColour;
  taskId: string;
  taskTitle: string;
  postName: string;
  unitName: string;
  assigneeName: string | null;
  /** YYYY-MM-DD */
  dueDate: string;
  overdueWorkdays: number;
  /** `${config.publicUrl}/tasks/${taskId}` */
  link: string;
  /** e.g. the urge message */
  note?: string;
}

export interface OutgoingMessage {
  recipientPersonId: string;
  taskId: string;
  escalationId?: string | null;
  payload: NotificationPayload;
}

/** Queue names and job names of delivery; the dispatcher's repeat lives on its own queue so the
 * delivery queue can be drained (a job scheduler always keeps a delayed job in its queue). */
export const NOTIFICATIONS_QUEUE = 'notifications';
export const NOTIFICATIONS_DISPATCH_QUEUE = 'notifications-dispatch';
export const DELIVER_JOB = 'deliver';
export const DELIVER_DIGEST_JOB = 'deliver-digest';
export const DISPATCH_JOB = 'dispatch';

export interface DeliverJobData {
  outboxId: string;
}

export interface DeliverDigestJobData {
  recipientPersonId: string;
  outboxIds: string[];
}
