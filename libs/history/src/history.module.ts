import { Global, Module } from '@nestjs/common';
import { HistoryAuditRepository } from './history-audit.repository.js';
import { HistorySealService } from './history-seal.service.js';
import { HistoryVerifyService } from './history-verify.service.js';
import { HistoryRepository } from './history.repository.js';
import { HistoryService } from './history.service.js';

@Global()
@Module({
  providers: [HistoryRepository, HistoryAuditRepository, HistoryService, HistorySealService, HistoryVerifyService],
  exports: [HistoryService, HistorySealService, HistoryVerifyService],
})
export class HistoryModule {}
