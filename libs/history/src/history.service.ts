import { Injectable } from '@nestjs/common';
import { Clock, PrismaService, type Tx } from '#libs/core';
import { HistoryRepository } from './history.repository.js';
import type { NewHistoryEvent } from './history.types.js';

/** 履职留痕: every recorded action goes through here, inside the transaction that performed it. */
@Injectable()
export class HistoryService {
  constructor(
    private readonly repository: HistoryRepository,
    private readonly prisma: PrismaService,
    private readonly clock: Clock,
  ) {}

  /** Records within the caller's transaction, or in its own when none is given. */
  async record(event: NewHistoryEvent, tx?: Tx): Promise<void> {
    if (tx) {
      await this.repository.append(tx, event, this.clock.now());
      return;
    }
    await this.prisma.$transaction((own) => this.repository.append(own, event, this.clock.now()));
  }
}
