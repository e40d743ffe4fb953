import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AccessPolicyService, type Actor } from '#libs/auth';
import { Clock } from '#libs/core';
import { HistoryService } from '#libs/history';
import { DutyListParseError } from '../parser/duty-list-parse.error.js';
import { parseDutyListOffThread } from '../parser/parse-off-thread.js';
import type { ParsedDutyList, ParseWarning } from '../parser/parsed-duty-list.types.js';
import { planImport } from './catalogue-diff.rules.js';
import type { Change, ImportCounts } from './catalogue.types.js';
import { organisationNotFound, toImportError } from './duty-list-import.errors.js';
import { DutyListRepository } from './duty-list.repository.js';

export interface ImportRequest {
  fileName: string;
  bytes: Buffer;
  dryRun?: boolean;
  /** Organisation code; defaults to the only organisation. */
  organisation?: string;
  actorUserId?: string;
}

export interface ImportSummary {
  file: string;
  format: ParsedDutyList['format'];
  encoding: string;
  dryRun: boolean;
  unit: { id: string | null; name: string; created: boolean };
  /** The catalogue revision written, or null when nothing changed or on a dry run. */
  revision: number | null;
  unchanged: boolean;
  counts: ImportCounts;
  changes: Change[];
  warnings: ParseWarning[];
}

/** Sentinel to roll back a dry run's transaction after computing its diff. */
class DryRunRollback extends Error {
  constructor(readonly summary: ImportSummary) {
    super('dry run');
  }
}

@Injectable()
export class DutyListImportService {
  constructor(
    private readonly repository: DutyListRepository,
    private readonly history: HistoryService,
    private readonly clock: Clock,
    private readonly access: AccessPolicyService,
  ) {}

  /** Uploads through the API: administrators only (they maintain the duty list). */
  async importFileAs(actor: Actor, request: Omit<ImportRequest, 'actorUserId'>): Promise<ImportSummary> {
    await this.access.assertAdmin(actor, request.dryRun ? 'duty-list.import.dry-run' : 'duty-list.import');
    return this.importFile({ ...request, actorUserId: actor.userId });
  }

  async importFile(request: ImportRequest): Promise<ImportSummary> {
    const parsed = await this.parse(request);
    try {
      return await this.repository.transaction(async (tx) => {
        const org = await this.repository.findOrganisation(tx, request.organisation);
        if (!org) throw organisationNotFound(request.organisation);
        await this.repository.lockUnit(tx, org.id, parsed.unitName);
        const existing = await this.repository.findUnit(tx, org.id, parsed.unitName);
        const unit = existing ?? (await this.repository.createUnit(tx, org.id, parsed.unitName));
        const stored = existing ? await this.repository.loadCatalogue(tx, unit.id) : [];
        const plan = planImport(stored, parsed);

        const summary: ImportSummary = {
          file: request.fileName,
          format: parsed.format,
          encoding: parsed.encoding,
          dryRun: !!request.dryRun,
          unit: { id: existing?.id ?? null, name: parsed.unitName, created: !existing },
          revision: null,
          unchanged: plan.unchanged,
          counts: plan.counts,
          changes: plan.changes,
          warnings: parsed.warnings,
        };
        // A dry run computes inside the same transaction (same locks, same reads) and rolls back.
        if (request.dryRun) throw new DryRunRollback(summary);
        if (plan.unchanged) return summary;

        await this.repository.applyPlan(tx, unit.id, plan, this.clock.now());
        const revision = (await this.repository.latestRevision(tx, unit.id)) + 1;
        await this.repository.createRevision(tx, {
          unitId: unit.id,
          revision,
          sourceName: request.fileName,
          sha256: createHash('sha256').update(request.bytes).digest('hex'),
          summary: plan.counts,
          createdBy: request.actorUserId,
        });
        await this.history.record(
          {
            stream: `duty-list:${unit.id}`,
            type: 'duty-list.imported',
            actorUserId: request.actorUserId,
            subjectId: unit.id,
            data: { file: request.fileName, revision, counts: plan.counts, changes: plan.changes.length },
          },
          tx,
        );
        return { ...summary, unit: { ...summary.unit, id: unit.id }, revision };
      });
    } catch (e) {
      if (e instanceof DryRunRollback) return e.summary;
      throw e;
    }
  }

  private async parse(request: ImportRequest): Promise<ParsedDutyList> {
    try {
      // Off the event loop: a large file must not stall every other request while it parses.
      return await parseDutyListOffThread({ fileName: request.fileName, bytes: request.bytes });
    } catch (e) {
      if (e instanceof DutyListParseError) throw toImportError(e);
      throw e;
    }
  }
}
