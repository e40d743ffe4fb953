import { Module, type DynamicModule } from '@nestjs/common';
import { CoreModule, JobRunnerModule, type CoreOptions } from '#libs/core';
import { DutyListModule } from '#libs/duty-list';
import { EscalationJobsModule } from '#libs/escalation';
import { HistoryJobsModule, HistoryModule } from '#libs/history';
import { NotificationJobsModule } from '#libs/notifications';
import { OrgModule } from '#libs/org';
import { TaskJobsModule } from '#libs/tasks';

/** The worker: no HTTP server, only queue processors and schedulers over the same domain libs. */
@Module({})
export class WorkerModule {
  static forRoot(options: CoreOptions): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        CoreModule.forRoot(options),
        JobRunnerModule,
        HistoryModule,
        OrgModule,
        DutyListModule,
        TaskJobsModule,
        EscalationJobsModule,
        NotificationJobsModule,
        HistoryJobsModule,
      ],
    };
  }
}
