import { Injectable } from '@nestjs/common';
import { Clock, PrismaService } from '#libs/core';
import { HistoryAuditRepository } from './history-audit.repository.js';
import { sealBusy } from './history.errors.js';
import { HistoryRepository } from './history.repository.js';
import { buildSealData, parseSealData, SEAL_EVENT_TYPE, SEAL_STREAM } from './seal.rules.js';

export interface SealResult {
  /** False when nothing changed since the last seal. */
  sealed: boolean;
  /** Seal events written (a large delta is split). */
  seals: number;
  /** Streams whose head was sealed. */
  streams: number;
  throughId: string;
  /** Seq of the last seal event in the seal stream, when any exists. */
  lastSealSeq: number | null;
}

// Up to ~30 s of retries: append transactions are short, so a free moment comes quickly.
const CUT_ATTEMPTS = 60;
const CUT_RETRY_MS = 500;

/**
 * Writes seals: hourly from the history job, and on demand (CLI `seal-history`, POST /api/audit/seal,
 * `verify-history --seal`). Safe to run concurrently from several processes: sealers are serialised
 * on the seal stream's lock and a sealer that finds its cut already covered writes nothing.
 */
@Injectable()
export class HistorySealService {
  constructor(
    private readonly audit: HistoryAuditRepository,
    private readonly history: HistoryRepository,
    private readonly prisma: PrismaService,
    private readonly clock: Clock,
  ) {}

  async seal(): Promise<SealResult> {
    const cut = await this.cut();
    return this.prisma.$transaction(
      async (tx) => {
        await this.audit.lockSealStream(tx);
        const last = await this.audit.lastSeal(tx);
        // A malformed last seal (tampering, reported by verify) restarts coverage from the beginning.
        const previous = last ? BigInt(parseSealData(last.data)?.throughId ?? 0) : 0n;
        const unchanged = { sealed: false, seals: 0, streams: 0, throughId: previous.toString(), lastSealSeq: last?.seq ?? null };
        if (cut <= previous) return unchanged;
        const heads = await this.audit.headsBetween(tx, previous, cut);
        if (heads.length === 0) return unchanged;
        const now = this.clock.now();
        let seq = last?.seq ?? null;
        const parts = buildSealData(heads, cut, previous);
        for (const data of parts) {
          ({ seq } = await this.history.append(tx, { stream: SEAL_STREAM, type: SEAL_EVENT_TYPE, data: { ...data } }, now));
        }
        return { sealed: true, seals: parts.length, streams: heads.length, throughId: cut.toString(), lastSealSeq: seq };
      },
      // A first seal over a large existing history reads every stream's head once.
      { timeout: 120_000, maxWait: 10_000 },
    );
  }

  private async cut(): Promise<bigint> {
    for (let attempt = 0; attempt < CUT_ATTEMPTS; attempt++) {
      const cut = await this.audit.trySealCut();
      if (cut !== null) return cut;
      await new Promise((resolve) => setTimeout(resolve, CUT_RETRY_MS));
    }
    throw sealBusy();
  }
}
