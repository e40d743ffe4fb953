// Public API of notification delivery: the outbox contract with the escalation sweep, the in-app
// inbox, and the jobs that deliver (imported only where jobs run).
export * from './notification.types.js';
export * from './notifications.errors.js';
export * from './notifications.module.js';
export { OutboxService } from './outbox/outbox.service.js';
export { FailedDeliveryService, type FailedDeliveryPage } from './outbox/failed-delivery.service.js';
export type { FailedRow } from './outbox/outbox.repository.js';
export { DispatchService } from './delivery/dispatch.service.js';
export { DeliveryService, type DeliveryOutcome } from './delivery/delivery.service.js';
export { NotificationService, type NotificationPage } from './inbox/notification.service.js';
export type { NotificationView } from './inbox/notification.repository.js';
export { earliestSendTime, nextDigestTime, isSendingTime, type WorkHours } from './quiet-hours/quiet-hours.rules.js';
export { outboxMessageId, digestMessageId } from './mail/message-id.js';
export * from './jobs/notification-jobs.js';
