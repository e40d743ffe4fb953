import { Injectable } from '@nestjs/common';
import { AppConfig, Clock, PrismaService } from '#libs/core';
import { eventHash, GENESIS_HASH, type ChainedFields } from './history-chain.rules.js';
import { HistoryAuditRepository } from './history-audit.repository.js';
import { sealBusy } from './history.errors.js';
import { HistoryRepository } from './history.repository.js';
import { signSeal } from './seal-signature.rules.js';
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
    private readonly config: AppConfig,
  ) {}

  async seal(): Promise<SealResult> {
    // Before anything: a seal nobody can check the signature of vouches for nothing.
    const key = this.config.requireHistorySealKey();
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
        let head = last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: GENESIS_HASH };
        const parts = buildSealData(heads, cut, previous);
        for (const data of parts) {
          // The seal stream's lock is held: the append lands exactly after `head`, so the signed
          // seq and prevHash are the stored ones (checked below through the stored hash).
          const fields: ChainedFields = { stream: SEAL_STREAM, seq: head.seq + 1, at: now, type: SEAL_EVENT_TYPE, actorUserId: null, actorPersonId: null, actingForPostId: null, subjectId: null, data: { ...data }, prevHash: head.hash };
          const signed = { ...data, signature: signSeal(fields, key) };
          const written = await this.history.append(tx, { stream: SEAL_STREAM, type: SEAL_EVENT_TYPE, data: signed }, now);
          if (written.hash !== eventHash({ ...fields, data: signed })) throw new Error(`seal ${fields.seq} was not stored as signed`);
          head = written;
        }
        return { sealed: true, seals: parts.length, streams: heads.length, throughId: cut.toString(), lastSealSeq: head.seq };
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
