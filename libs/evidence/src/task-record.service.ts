import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import type { Actor } from '#libs/auth';
import { Clock } from '#libs/core';
import { HistoryService, type HistoryEventView } from '#libs/history';
import { TaskService } from '#libs/tasks';
import { zipBundle, type BundleEntry } from './bundle/zip-bundle.js';
import { fileUnavailable } from './evidence.errors.js';
import { EvidenceRepository } from './evidence.repository.js';
import { toViews } from './evidence.service.js';
import { extensionsOfMime } from './rules/content-sniff.rules.js';
import { sanitizeFileName } from './rules/file-name.rules.js';
import { EvidenceStorage } from './storage/evidence-storage.js';

const HASH_RULE =
  'hash = SHA-256( canonical JSON — keys sorted at every level — of { stream, seq, at, type, actorUserId, actorPersonId, ' +
  'actingForPostId, subjectId, data, prevHash } ); prevHash of seq 1 = 64 zeros; each prevHash = hash of the event before it';

/** A task's record as a whole: its history, and an exportable bundle (履职材料包). */
@Injectable()
export class TaskRecordService {
  constructor(
    private readonly tasks: TaskService,
    private readonly historyService: HistoryService,
    private readonly evidence: EvidenceRepository,
    private readonly storage: EvidenceStorage,
    private readonly clock: Clock,
  ) {}

  async history(actor: Actor, taskId: string): Promise<HistoryEventView[]> {
    await this.tasks.getVisible(actor, taskId);
    return this.historyService.listStream(`task:${taskId}`);
  }

  /**
   * task.json (the task, its extensions, escalations and evidence), history.json (the full chained
   * events, re-verifiable), files/ and manifest.sha256 — streamed, files read one at a time.
   */
  async bundle(actor: Actor, taskId: string): Promise<{ fileName: string; stream: Readable }> {
    const detail = await this.tasks.detail(actor, taskId);
    const [rows, events] = await Promise.all([this.evidence.listByTask(taskId), this.historyService.exportStream(`task:${taskId}`)]);
    const now = this.clock.now();

    const files = rows.filter((r) => r.kind === 'FILE' && r.storageKey && r.sha256);
    // Checked before the first byte goes out: afterwards a failure can only cut the download.
    for (const f of files) if (!(await this.storage.exists(f.storageKey!))) throw fileUnavailable(f.id);
    const pathOf = new Map(files.map((f) => [f.id, `files/${f.id}.${extensionsOfMime(f.mimeType)[0] ?? 'bin'}`]));

    const task = {
      exportedAt: now.toISOString(),
      exportedBy: { userId: actor.userId, username: actor.username },
      task: detail.task,
      evidence: toViews(rows).map((v) => ({ ...v, bundlePath: pathOf.get(v.id) ?? null })),
    };
    const history = { stream: `task:${taskId}`, hashRule: HASH_RULE, events };
    const entries: BundleEntry[] = [
      { path: 'task.json', data: json(task) },
      { path: 'history.json', data: json(history) },
      ...files.map((f) => ({
        path: pathOf.get(f.id)!,
        sha256: f.sha256!,
        open: async () => (await this.storage.open(f.storageKey!)) ?? Promise.reject(fileUnavailable(f.id)),
      })),
    ];
    return { fileName: `${sanitizeFileName(`履职材料-${detail.task.title}`)}.zip`, stream: zipBundle(entries, now) };
  }
}

function json(value: unknown): Buffer {
  return Buffer.from(`${JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2)}\n`);
}
