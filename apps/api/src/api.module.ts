import { Module, type DynamicModule } from '@nestjs/common';
import { CoreModule, JobRunnerModule, type CoreOptions } from '#libs/core';
import { DutyListModule } from '#libs/duty-list';
import { HistoryModule } from '#libs/history';
import { OrgModule } from '#libs/org';
import { HealthController } from './health/health.controller.js';
import { OrgController } from './org/org.controller.js';

export interface ApiOptions extends CoreOptions {
  /** The embedded default runs the job processors inside the API process. */
  runJobs: boolean;
}

@Module({})
export class ApiModule {
  static forRoot(options: ApiOptions): DynamicModule {
    return {
      module: ApiModule,
      imports: [CoreModule.forRoot(options), HistoryModule, OrgModule, DutyListModule, ...(options.runJobs ? [JobRunnerModule] : [])],
      controllers: [HealthController, OrgController],
    };
  }
}
