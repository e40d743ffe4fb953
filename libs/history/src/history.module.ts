import { Global, Module } from '@nestjs/common';
import { HistoryRepository } from './history.repository.js';
import { HistoryService } from './history.service.js';

@Global()
@Module({ providers: [HistoryRepository, HistoryService], exports: [HistoryService] })
export class HistoryModule {}
