import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import type { Actor } from '#libs/auth';
import { Clock, type Tx } from '#libs/core';
import { HistoryService } from '#libs/history';
import { TaskError, TaskErrorCode } from '../task.errors.js';
import { TaskService, type NewAdHocTask } from '../task/task.service.js';
import type { TaskRecord } from '../task/task.types.js';
import { toAttachmentView, type TaskAttachmentView } from './attachment-view.js';
import { AttachmentFileStore, type AttachmentPart, type StagedAttachment } from './attachment-file-store.js';
import { TaskAttachmentRepository } from './task-attachment.repository.js';

export interface AttachmentDownload {
  stream: Readable;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
}

const CLOSED = new Set(['DONE', 'CANCELLED']);

interface CommittedKey {
  key?: string;
}
const notFound = (id: string) => new TaskError(TaskErrorCode.TASK_ATTACHMENT_NOT_FOUND, 'NOT_FOUND', '附件不存在', { id });

/**
 * 交办附件: files the assigner hands over with an ad-hoc task (part of the assignment, not evidence
 * of fulfilment). The assigner (or admin) adds them while the task is open; whoever may see the
 * task may download them. Each addition is an `attachment.added` event on the task's history.
 */
@Injectable()
export class TaskAttachmentService {
  constructor(
    private readonly tasks: TaskService,
    private readonly repository: TaskAttachmentRepository,
    private readonly files: AttachmentFileStore,
    private readonly history: HistoryService,
    private readonly clock: Clock,
  ) {}

  /** Multipart with one file in field `file`. Access is decided before a byte is read. */
  async add(actor: Actor, taskId: string, parts: AsyncIterable<AttachmentPart>): Promise<TaskAttachmentView> {
    const task = await this.tasks.getVisible(actor, taskId);
    assertMayAttach(actor, task);
    let staged: StagedAttachment | undefined;
    try {
      for await (const part of parts) {
        if (part.type === 'field') continue;
        if (part.name !== 'file' || staged) {
          part.stream.resume();
          throw invalid('只能在字段 file 中上传一个文件');
        }
        staged = await this.files.stage(part.fileName, part.stream);
      }
      if (!staged) throw invalid('请在表单字段 file 中上传一个文件');
      return await this.record(actor, task, staged);
    } finally {
      if (staged) await this.files.discard(staged);
    }
  }

  /**
   * POST /api/tasks as multipart: field `task` (the task as JSON, checked by `parseTask`) before an
   * optional `file`. The file is staged and judged first, then the task is created and the file
   * recorded on it; a refused task leaves nothing behind.
   */
  async createWithAttachment(
    actor: Actor,
    parts: AsyncIterable<AttachmentPart>,
    parseTask: (json: unknown) => Promise<NewAdHocTask>,
  ): Promise<{ id: string; attachments: TaskAttachmentView[] }> {
    let input: NewAdHocTask | undefined;
    let staged: StagedAttachment | undefined;
    try {
      for await (const part of parts) {
        if (part.type === 'field') {
          if (part.name !== 'task') throw invalid(`未知字段：${part.name}（任务内容请放在字段 task 中）`);
          input = await parseTask(parseJson(part.value));
          continue;
        }
        if (part.name !== 'file' || staged || !input) {
          part.stream.resume();
          throw invalid(input ? '只能在字段 file 中上传一个文件' : '字段 task 须在文件之前');
        }
        staged = await this.files.stage(part.fileName, part.stream);
      }
      if (!input) throw invalid('缺少字段 task（任务内容，JSON）');
      const file = staged;
      const committed: CommittedKey = {};
      let attachment: TaskAttachmentView | undefined;
      try {
        // One transaction: a task is never left without the file its assigner sent with it.
        const { id } = await this.tasks.createAdHoc(actor, input, file ? async (tx, taskId) => void (attachment = await this.insert(tx, actor, taskId, file, committed)) : undefined);
        return { id, attachments: attachment ? [attachment] : [] };
      } catch (e) {
        if (committed.key) await this.files.removeUnrecorded(committed.key).catch(() => undefined);
        throw e;
      }
    } finally {
      if (staged) await this.files.discard(staged);
    }
  }

  /** Records a staged file on an existing task. */
  async record(actor: Actor, task: TaskRecord, staged: StagedAttachment): Promise<TaskAttachmentView> {
    const committed: CommittedKey = {};
    try {
      return await this.repository.transaction(async (tx) => {
        // Decided again on the locked row: a task cancelled meanwhile takes no more files.
        const state = await this.repository.lockTask(tx, task.id);
        if (!state) throw new TaskError(TaskErrorCode.TASK_NOT_FOUND, 'NOT_FOUND', '任务不存在', { id: task.id });
        assertMayAttach(actor, { ...task, status: state.status as TaskRecord['status'], kind: state.kind as TaskRecord['kind'], assignedById: state.assignedById });
        return this.insert(tx, actor, task.id, staged, committed);
      });
    } catch (e) {
      if (committed.key) await this.files.removeUnrecorded(committed.key).catch(() => undefined);
      throw e;
    }
  }

  /** Moves the staged file into storage and records it; `committed.key` lets a failed transaction remove the file again. */
  private async insert(tx: Tx, actor: Actor, taskId: string, staged: StagedAttachment, committed: CommittedKey): Promise<TaskAttachmentView> {
    committed.key = await this.files.commit(staged);
    const row = await this.repository.create(tx, {
      taskId,
      fileName: staged.fileName,
      storageKey: committed.key,
      mimeType: staged.mimeType,
      size: staged.size,
      sha256: staged.sha256,
      createdBy: actor.personId!,
      createdAt: this.clock.now(),
    });
    await this.history.record(
      {
        stream: `task:${taskId}`,
        type: 'attachment.added',
        subjectId: taskId,
        actorUserId: actor.userId,
        actorPersonId: actor.personId,
        data: { attachmentId: row.id, file: { name: staged.fileName, mimeType: staged.mimeType, size: staged.size, sha256: staged.sha256 } },
      },
      tx,
    );
    return toAttachmentView(row);
  }

  /** Whoever may see the task; anyone else gets the same 404 as for a missing task. */
  async download(actor: Actor, taskId: string, attachmentId: string): Promise<AttachmentDownload> {
    await this.tasks.getVisible(actor, taskId);
    const row = await this.repository.find(taskId, attachmentId);
    if (!row) throw notFound(attachmentId);
    const stream = await this.files.open(row.storageKey);
    if (!stream) throw new TaskError(TaskErrorCode.TASK_ATTACHMENT_UNAVAILABLE, 'UNAVAILABLE', '附件文件暂不可读取，请联系管理员', { id: attachmentId });
    return { stream, fileName: this.files.downloadName(row.fileName, row.mimeType), mimeType: row.mimeType, size: Number(row.size), sha256: row.sha256 };
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw invalid('字段 task 须为 JSON');
  }
}

function invalid(message: string): TaskError {
  return new TaskError(TaskErrorCode.TASK_ATTACHMENT_INVALID, 'INVALID', message);
}

function assertMayAttach(actor: Actor, task: Pick<TaskRecord, 'id' | 'kind' | 'status' | 'assignedById'>): void {
  const assigner = !!actor.personId && actor.personId === task.assignedById;
  if (task.kind !== 'AD_HOC' || !(assigner || actor.isAdmin) || !actor.personId) {
    throw new TaskError(TaskErrorCode.TASK_ATTACHMENT_NOT_ALLOWED, 'FORBIDDEN', '只有交办人（或管理员）可以为交办任务添加附件', { taskId: task.id });
  }
  if (CLOSED.has(task.status)) throw new TaskError(TaskErrorCode.TASK_ATTACHMENT_CLOSED, 'CONFLICT', '任务已办结或撤销，不能再添加附件', { status: task.status });
}
