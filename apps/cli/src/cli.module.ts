import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '#libs/auth';
import { CalendarModule } from '#libs/calendar';
import { CoreModule, type CoreOptions } from '#libs/core';
import { DutyListModule } from '#libs/duty-list';
import { EscalationModule } from '#libs/escalation';
import { HistoryModule } from '#libs/history';
import { OrgModule } from '#libs/org';
import { TasksModule } from '#libs/tasks';

@Module({})
export class CliModule {
  static forRoot(options: CoreOptions): DynamicModule {
    return { module: CliModule, imports: [CoreModule.forRoot(options), HistoryModule, AuthModule, OrgModule, DutyListModule, CalendarModule, TasksModule, EscalationModule] };
  }
}
