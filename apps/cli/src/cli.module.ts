import { Module, type DynamicModule } from '@nestjs/common';
import { CoreModule, type CoreOptions } from '#libs/core';
import { DutyListModule } from '#libs/duty-list';
import { HistoryModule } from '#libs/history';
import { OrgModule } from '#libs/org';

@Module({})
export class CliModule {
  static forRoot(options: CoreOptions): DynamicModule {
    return { module: CliModule, imports: [CoreModule.forRoot(options), HistoryModule, OrgModule, DutyListModule] };
  }
}
