import { Module, type OnModuleInit } from '@nestjs/common';
import { AccessModule } from '#libs/auth';
import { CalendarModule } from '#libs/calendar';
import { AppConfig, HealthService } from '#libs/core';
import { TasksModule } from '#libs/tasks';
import { HistoryAuditService } from './audit/history-audit.service.js';
import { EvidenceRepository } from './evidence.repository.js';
import { EvidenceService } from './evidence.service.js';
import { EvidenceStorage } from './storage/evidence-storage.js';
import { LocalDiskEvidenceStorage } from './storage/local-disk.storage.js';
import { TaskRecordService } from './task-record.service.js';

@Module({
  imports: [AccessModule, CalendarModule, TasksModule],
  providers: [
    EvidenceRepository,
    EvidenceService,
    TaskRecordService,
    HistoryAuditService,
    // Another backend (object storage) would be another EvidenceStorage chosen here.
    { provide: EvidenceStorage, useFactory: (config: AppConfig) => new LocalDiskEvidenceStorage(config.evidenceDir), inject: [AppConfig] },
  ],
  exports: [EvidenceService, TaskRecordService, HistoryAuditService, EvidenceStorage],
})
export class EvidenceModule implements OnModuleInit {
  constructor(
    private readonly health: HealthService,
    private readonly storage: EvidenceStorage,
  ) {}

  onModuleInit(): void {
    // Uploads fail while the store is full or read-only: /health says so before users find out.
    this.health.registerCheck('evidenceStore', () => this.storage.probe());
  }
}
