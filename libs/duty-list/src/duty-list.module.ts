import { Module } from '@nestjs/common';
import { AccessModule } from '#libs/auth';
import { DutyListImportService } from './import/duty-list-import.service.js';
import { DutyListRepository } from './import/duty-list.repository.js';

@Module({
  imports: [AccessModule],
  providers: [DutyListRepository, DutyListImportService],
  exports: [DutyListImportService],
})
export class DutyListModule {}
