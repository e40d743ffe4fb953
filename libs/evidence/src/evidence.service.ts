import { Injectable } from '@nestjs/common';
import { Prisma, type Evidence, type EvidenceKind } from '@prisma/client';
import type { Actor } from '#libs/auth';
import { AppConfig, Clock, NotFoundError } from '#libs/core';
import { HistoryService } from '#libs/history';
import { taskRoles, TaskService, type TaskRecord } from '#libs/tasks';
import {
  alreadySuperseded,
  evidenceInvalid,
  evidenceNotFound,
  fileEmpty,
  fileMissing,
  fileUnavailable,
  notAllowed,
  refusalError,
  supersedeInvalid,
  taskChanged,
  taskClosed,
  typeNotAllowed,
  underReview,
} from './evidence.errors.js';
import { EvidenceRepository, type LockedTaskState } from './evidence.repository.js';
import type { EvidenceDownload, EvidenceView, UploadPart } from './evidence.types.js';
import { sniffContent, extensionsOfMime, type SniffedType } from './rules/content-sniff.rules.js';
import { checkSupersede, decideEvidenceAuthor, type EvidenceAuthorRole, type SupersedeRefusal } from './rules/evidence-author.rules.js';
import { DateWindowService } from '#libs/calendar';
import { parseFileFields, parseRecordInput, type EvidenceContent } from './rules/evidence-input.rules.js';
import { downloadName, sanitizeFileName } from './rules/file-name.rules.js';
import { EvidenceStorage, type StagedFile } from './storage/evidence-storage.js';
import { inspectStaged } from './storage/staged-content.js';

interface NewItem {
  kind: EvidenceKind;
  content: EvidenceContent;
  supersedesId?: string;
  file?: { staged: StagedFile; fileName: string; type: SniffedType };
}

const SUPERSEDE_MESSAGE: Record<Exclude<SupersedeRefusal, 'ALREADY_SUPERSEDED'>, string> = {
  NOT_FOUND: '被更正的材料不存在或不属于该任务',
  KIND_MISMATCH: '更正材料须与被更正材料类型相同',
  NOT_OWN: '只能更正本人提交的材料',
};

/**
 * 履职留痕 evidence: append-only items on a task (a correction supersedes, both are kept), each
 * recorded as an `evidence.added` event on the task's hash-chained stream.
 */
@Injectable()
export class EvidenceService {
  constructor(
    private readonly tasks: TaskService,
    private readonly repository: EvidenceRepository,
    private readonly storage: EvidenceStorage,
    private readonly history: HistoryService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly dates: DateWindowService,
  ) {}

  /** A note, link, document number or meeting minutes (JSON). */
  async addRecord(actor: Actor, taskId: string, body: unknown): Promise<EvidenceView> {
    const task = await this.tasks.getVisible(actor, taskId);
    this.authorise(actor, task, task);
    const parsed = parseRecordInput(body);
    if (!parsed.ok) throw evidenceInvalid(parsed.problems);
    const { content } = parsed.value;
    if (content.kind === 'MINUTES') await this.dates.assertAccepted({ date: content.date });
    if (content.kind === 'DOC_NUMBER') await this.dates.assertAccepted({ issuedOn: content.issuedOn });
    return this.record(actor, task, { kind: parsed.value.content.kind, content: parsed.value.content, supersedesId: parsed.value.supersedesId });
  }

  /**
   * A file (multipart: field `file`, optional `description` and `supersedesId`). Access is checked
   * before a byte is read; the file streams to staging while hashed and measured, its content type
   * is judged from its bytes, and only then is it committed together with its database record.
   */
  async addFile(actor: Actor, taskId: string, parts: AsyncIterable<UploadPart>): Promise<EvidenceView> {
    const task = await this.tasks.getVisible(actor, taskId);
    this.authorise(actor, task, task);
    const fields: Record<string, string> = {};
    let staged: StagedFile | undefined;
    let fileName = '';
    try {
      for await (const part of parts) {
        if (part.type === 'field') {
          fields[part.name] = part.value;
          continue;
        }
        if (part.name !== 'file' || staged) {
          part.stream.resume();
          throw evidenceInvalid([{ field: part.name, problems: ['只能在字段 file 中上传一个文件'] }]);
        }
        fileName = sanitizeFileName(part.fileName);
        staged = await this.storage.stage(part.stream, { maxBytes: this.config.evidenceMaxBytes, inspectHead: refuseExecutables });
      }
      if (!staged) throw fileMissing();
      const verdict = await inspectStaged(this.storage, staged);
      if (!verdict.allowed) throw refusalError(verdict);
      const parsed = parseFileFields(fields);
      if (!parsed.ok) throw evidenceInvalid(parsed.problems);
      const content: EvidenceContent = { kind: 'FILE', ...(parsed.value.description ? { description: parsed.value.description } : {}) };
      return await this.record(actor, task, { kind: 'FILE', content, supersedesId: parsed.value.supersedesId, file: { staged, fileName, type: verdict.type } });
    } finally {
      // After a commit the staged file is gone and this does nothing.
      if (staged) await this.storage.discard(staged);
    }
  }

  async list(actor: Actor, taskId: string): Promise<EvidenceView[]> {
    await this.tasks.getVisible(actor, taskId);
    return toViews(await this.repository.listByTask(taskId));
  }

  /** Anyone who may see the task may download its files; others get the same 404 as a missing id. */
  async download(actor: Actor, evidenceId: string): Promise<EvidenceDownload> {
    const item = await this.repository.findById(evidenceId);
    if (!item) throw evidenceNotFound(evidenceId);
    await this.tasks.getVisible(actor, item.taskId).catch((e: unknown) => {
      throw e instanceof NotFoundError ? evidenceNotFound(evidenceId) : e;
    });
    if (item.kind !== 'FILE' || !item.storageKey || !item.sha256) throw evidenceNotFound(evidenceId);
    const stream = await this.storage.open(item.storageKey);
    if (!stream) throw fileUnavailable(evidenceId);
    return {
      stream,
      fileName: downloadName(item.fileName ?? '', extensionsOfMime(item.mimeType)),
      mimeType: item.mimeType ?? 'application/octet-stream',
      size: Number(item.size ?? 0),
      sha256: item.sha256,
    };
  }

  /** Decides the author's role from a task state; throws the refusal. */
  private authorise(actor: Actor, task: TaskRecord, state: LockedTaskState): EvidenceAuthorRole {
    // The reviewer is decided on the locked state, with the same rule the lifecycle uses.
    const decision = decideEvidenceAuthor({
      status: state.status,
      isAssignee: !!actor.personId && actor.personId === state.assigneePersonId,
      isCurrentReviewer: taskRoles(actor, { ...task, ...state }).has('REVIEWER'),
    });
    if (decision.allowed) return decision.role;
    if (decision.refusal === 'TASK_CLOSED') throw taskClosed(state.status);
    if (decision.refusal === 'UNDER_REVIEW') throw underReview();
    throw notAllowed();
  }

  private async record(actor: Actor, task: TaskRecord, item: NewItem): Promise<EvidenceView> {
    const personId = actor.personId!; // assignees and reviewers are people
    let key: string | undefined;
    try {
      return await this.repository.transaction(async (tx) => {
        // The decision that counts is taken on the locked, current state of the task.
        const state = await this.repository.lockTaskState(tx, task.id);
        if (!state) throw taskChanged(task.id);
        const role = this.authorise(actor, task, state);
        if (item.supersedesId) {
          const refusal = checkSupersede(await this.repository.findSuperseded(tx, item.supersedesId), { taskId: task.id, kind: item.kind, personId });
          if (refusal === 'ALREADY_SUPERSEDED') throw alreadySuperseded(item.supersedesId);
          if (refusal) throw supersedeInvalid(SUPERSEDE_MESSAGE[refusal], { supersedesId: item.supersedesId, reason: refusal });
        }
        if (item.file) key = await this.storage.commit(item.file.staged);
        const actingForPostId = role === 'ASSIGNEE' && state.actingForPersonId ? task.chain[0]!.id : null;
        const { kind: _kind, ...content } = item.content;
        const row = await this.repository.create(tx, {
          taskId: task.id,
          kind: item.kind,
          supersedesId: item.supersedesId ?? null,
          content,
          fileName: item.file?.fileName ?? null,
          storageKey: key ?? null,
          mimeType: item.file?.type.mime ?? null,
          size: item.file ? BigInt(item.file.staged.size) : null,
          sha256: item.file?.staged.sha256 ?? null,
          createdBy: personId,
          actingForPostId,
          createdAt: this.clock.now(),
        });
        await this.history.record(
          {
            stream: `task:${task.id}`,
            type: 'evidence.added',
            subjectId: task.id,
            actorUserId: actor.userId,
            actorPersonId: personId,
            actingForPostId,
            // The chained copy: content, and for files name, type, size and SHA-256 of the bytes.
            data: {
              evidenceId: row.id,
              kind: item.kind,
              role,
              supersedesId: item.supersedesId,
              content,
              file: item.file && { name: item.file.fileName, mimeType: item.file.type.mime, size: item.file.staged.size, sha256: item.file.staged.sha256 },
            },
          },
          tx,
        );
        return toViews([row])[0]!;
      });
    } catch (e) {
      if (key) await this.storage.removeUnrecorded(key).catch(() => undefined);
      // Two corrections of one item at once: the unique supersedes_id lets exactly one win.
      if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002' && item.supersedesId) throw alreadySuperseded(item.supersedesId);
      throw e;
    }
  }
}

/** Stops an executable before it is written in full; everything else is judged on the whole sample. */
function refuseExecutables(head: Buffer): void {
  const verdict = sniffContent({ head, tail: Buffer.alloc(0), size: head.length });
  if (!verdict.allowed && verdict.reason === 'EXECUTABLE') throw typeNotAllowed(verdict.reason, verdict.detail);
}

export function toViews(rows: Evidence[]): EvidenceView[] {
  const successor = new Map(rows.filter((r) => r.supersedesId).map((r) => [r.supersedesId!, r.id]));
  return rows.map((r) => ({
    id: r.id,
    taskId: r.taskId,
    kind: r.kind,
    content: (r.content ?? {}) as Record<string, unknown>,
    fileName: r.fileName,
    mimeType: r.mimeType,
    size: r.size === null ? null : Number(r.size),
    sha256: r.sha256,
    createdBy: r.createdBy,
    actingForPostId: r.actingForPostId,
    createdAt: r.createdAt.toISOString(),
    supersedesId: r.supersedesId,
    supersededById: successor.get(r.id) ?? null,
    current: !successor.has(r.id),
  }));
}
