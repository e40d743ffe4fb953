import { Module, type DynamicModule, type ModuleMetadata, type Type } from '@nestjs/common';
import { TasksModule } from '../tasks.module.js';
import { AttachmentFileStore } from './attachment-file-store.js';
import { TaskAttachmentRepository } from './task-attachment.repository.js';
import { TaskAttachmentService } from './task-attachment.service.js';

/**
 * Assignment files need a file store, which the application provides (the evidence store in the
 * API): `TaskAttachmentsModule.withStore({ imports: [EvidenceModule], store: SomeStore })`.
 */
@Module({})
export class TaskAttachmentsModule {
  static withStore(options: { imports: ModuleMetadata['imports']; store: Type<AttachmentFileStore> }): DynamicModule {
    return {
      module: TaskAttachmentsModule,
      imports: [TasksModule, ...(options.imports ?? [])],
      providers: [TaskAttachmentRepository, TaskAttachmentService, { provide: AttachmentFileStore, useClass: options.store }],
      exports: [TaskAttachmentService],
    };
  }
}
