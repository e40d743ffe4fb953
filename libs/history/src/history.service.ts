import { Injectable } from '@nestjs/common';
import { Clock, PrismaService, type SqlTx } from '#libs/core';
import type { Prisma } from '@prisma/client';
import { hashedFields } from './history-chain.rules.js';
import { HistoryRepository } from './history.repository.js';
import type { ActorNames, ChainedEventRecord, HistoryEventView, NewHistoryEvent } from './history.types.js';

/** 履职留痕: every recorded action goes through here, inside the transaction that performed it. */
@Injectable()
export class HistoryService {
  constructor(
    private readonly repository: HistoryRepository,
    private readonly prisma: PrismaService,
    private readonly clock: Clock,
  ) {}

  /** Records within the caller's transaction, or in its own when none is given. */
  async record(event: NewHistoryEvent, tx?: SqlTx): Promise<void> {
    if (tx) {
      await this.repository.append(tx, event, this.clock.now());
      return;
    }
    await this.prisma.$transaction((own) => this.repository.append(own, event, this.clock.now()));
  }

  /** Many events at once inside the caller's transaction, chained in the order given. */
  async recordMany(events: NewHistoryEvent[], tx: SqlTx): Promise<void> {
    await this.repository.appendMany(tx, events, this.clock.now());
  }

  /** The creation events of new subjects (tasks created in this transaction), in one statement. */
  recordFirstOfStreams(events: NewHistoryEvent[], tx: SqlTx): Promise<void> {
    return this.repository.appendFirst(tx, events, this.clock.now());
  }

  /** A stream's events in order, as plain JSON (the exported record without its chain internals). */
  async listStream(stream: string): Promise<HistoryEventView[]> {
    return (await this.exportStream(stream)).map(toView);
  }

  /** listStream with the names of who acted (see HistoryRepository.listStreamWithActorNames), in one query. */
  async listStreamWithActorNames(stream: string): Promise<(HistoryEventView & ActorNames)[]> {
    const rows = await this.repository.listStreamWithActorNames(this.prisma.direct, stream);
    return rows.map((row) => ({ ...toView(toRecord(row)), actorPersonName: row.actorPersonName, actorUserName: row.actorUserName }));
  }

  /** A stream's events with every chained field (exports that a recipient can re-verify). */
  async exportStream(stream: string): Promise<ChainedEventRecord[]> {
    return (await this.repository.listStream(this.prisma.direct, stream)).map(toRecord);
  }
}

function toRecord(e: Prisma.HistoryEventGetPayload<object>): ChainedEventRecord {
  return { id: e.id.toString(), ...hashedFields(e), hash: e.hash };
}

function toView({ id: _id, stream: _stream, subjectId: _subject, prevHash: _prev, data, ...view }: ChainedEventRecord): HistoryEventView {
  return { ...view, data: data as Record<string, unknown> };
}
