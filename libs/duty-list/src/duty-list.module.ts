import { Module } from '@nestjs/common';
import { DutyListImportService } from './import/duty-list-import.service.js';
import { DutyListRepository } from './import/duty-list.repository.js';

@Module({
  providers: [DutyListRepository, DutyListImportService],
  exports: [DutyListImportService],
})
export class DutyListModule {}
