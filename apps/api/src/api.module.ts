import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthModule } from '#libs/auth';
import { CalendarModule } from '#libs/calendar';
import { CoreModule, JobRunnerModule, type CoreOptions } from '#libs/core';
import { DutyListModule } from '#libs/duty-list';
import { EscalationJobsModule, EscalationModule } from '#libs/escalation';
import { EvidenceModule } from '#libs/evidence';
import { HistoryJobsModule, HistoryModule } from '#libs/history';
import { NotificationJobsModule, NotificationsModule } from '#libs/notifications';
import { OrgModule } from '#libs/org';
import { ReportsModule } from '#libs/reports';
import { TaskAttachmentsModule, TaskJobsModule, TasksModule } from '#libs/tasks';
import { SetAsideController } from './admin/set-aside.controller.js';
import { AuditController } from './audit/audit.controller.js';
import { AuthController } from './auth/auth.controller.js';
import { AuthGuard } from './auth/auth.guard.js';
import { UserController } from './auth/user.controller.js';
import { CalendarController } from './calendar/calendar.controller.js';
import { CalendarFeedController } from './calendar-feed/calendar-feed.controller.js';
import { DutyListController } from './duty-list/duty-list.controller.js';
import { EscalationPolicyController } from './escalation/escalation-policy.controller.js';
import { EscalationController } from './escalation/escalation.controller.js';
import { EvidenceController } from './evidence/evidence.controller.js';
import { HealthController } from './health/health.controller.js';
import { NotificationController } from './notifications/notification.controller.js';
import { OutboxController } from './notifications/outbox.controller.js';
import { OrgController } from './org/org.controller.js';
import { ReportController } from './reports/report.controller.js';
import { AbsenceController } from './tasks/absence.controller.js';
import { ScheduleController } from './tasks/schedule.controller.js';
import { TaskController } from './tasks/task.controller.js';
import { EvidenceAttachmentStore } from './tasks/evidence-attachment.store.js';
import { TaskAttachmentController } from './tasks/task-attachment.controller.js';

export interface ApiOptions extends CoreOptions {
  /** The embedded default runs the job processors inside the API process. */
  runJobs: boolean;
}

@Module({})
export class ApiModule {
  static forRoot(options: ApiOptions): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        CoreModule.forRoot(options),
        HistoryModule,
        AuthModule,
        OrgModule,
        DutyListModule,
        CalendarModule,
        TasksModule,
        NotificationsModule,
        EvidenceModule,
        TaskAttachmentsModule.withStore({ imports: [EvidenceModule], store: EvidenceAttachmentStore }),
        EscalationModule,
        ReportsModule,
        ...(options.runJobs ? [JobRunnerModule, TaskJobsModule, EscalationJobsModule] : []),
        ...(options.runJobs ? [NotificationJobsModule] : []),
        ...(options.runJobs ? [HistoryJobsModule] : []),
      ],
      controllers: [
        HealthController,
        AuthController,
        UserController,
        OrgController,
        CalendarController,
        DutyListController,
        TaskController,
        TaskAttachmentController,
        ScheduleController,
        AbsenceController,
        EscalationController,
        EscalationPolicyController,
        NotificationController,
        OutboxController,
        SetAsideController,
        EvidenceController,
        AuditController,
        ReportController,
        CalendarFeedController,
      ],
      // Every route requires a valid access token unless marked @Public().
      providers: [{ provide: APP_GUARD, useClass: AuthGuard }],
    };
  }
}
