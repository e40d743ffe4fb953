import { Module, type OnModuleInit } from '@nestjs/common';
import { AccessModule } from '#libs/auth';
import { CalendarModule } from '#libs/calendar';
import { HealthService } from '#libs/core';
import { DeliveryService } from './delivery/delivery.service.js';
import { DispatchService } from './delivery/dispatch.service.js';
import { NotificationRepository } from './inbox/notification.repository.js';
import { NotificationService } from './inbox/notification.service.js';
import { MailTransport } from './mail/mail-transport.js';
import { FailedDeliveryService } from './outbox/failed-delivery.service.js';
import { OutboxRepository } from './outbox/outbox.repository.js';
import { OutboxService } from './outbox/outbox.service.js';

/** Writing the outbox (every process) and the services behind delivery and the in-app inbox. */
@Module({
  imports: [AccessModule, CalendarModule],
  providers: [
    OutboxRepository,
    NotificationRepository,
    OutboxService,
    DispatchService,
    DeliveryService,
    MailTransport,
    NotificationService,
    FailedDeliveryService,
  ],
  exports: [OutboxService, DispatchService, DeliveryService, NotificationService, FailedDeliveryService],
})
export class NotificationsModule implements OnModuleInit {
  constructor(
    private readonly health: HealthService,
    private readonly failed: FailedDeliveryService,
  ) {}

  /** Health depends on no feature module; delivery announces its own alarms. */
  onModuleInit(): void {
    this.health.registerWarningSource(() => this.failed.healthWarnings());
  }
}
