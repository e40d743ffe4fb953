import type { KeyObject } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { HistoryEvent } from '@prisma/client';
import { AppConfig, Clock, keyFingerprint, publicKeyPem } from '#libs/core';
import { ChainVerifier, checkSealedHead, SealLedger, type ChainProblem } from './chain-verification.rules.js';
import { HistoryAuditRepository } from './history-audit.repository.js';
import { checkSealSignature } from './seal-signature.rules.js';
import { parseSealData, SEAL_STREAM } from './seal.rules.js';

export interface VerifyOptions {
  /** Only events recorded from then on (their predecessors are looked up to check the first links). */
  since?: Date;
  batchSize?: number;
}

export interface VerificationReport {
  ok: boolean;
  checkedAt: string;
  since: string | null;
  events: number;
  streams: number;
  seals: {
    count: number;
    sealedStreams: number;
    latest: { seq: number; at: string; hash: string; throughId: string | null } | null;
    /** Seals whose Ed25519 signature checked with `publicKey`. */
    signed: number;
    /** Seals written before signing began (a warning, not tampering): covered by their hash chain only. */
    unsigned: number;
    /** The key signatures were checked with: keep it (and the latest seal hash) outside the database. */
    publicKey: { fingerprint: string; pem: string };
  };
  /** All problems found; `problems` lists the first MAX_LISTED of them in scan order. */
  problemCount: number;
  firstProblem: ChainProblem | null;
  problems: ChainProblem[];
}

const DEFAULT_BATCH = 1000;
const MAX_LISTED = 100;
const LOOKUP_BATCH = 1000;

/**
 * Checks every chain (each row's hash recomputed, prevHash links, seq continuity) and every seal.
 * Streams the table in id order in keyset pages; memory grows with the number of streams only.
 */
@Injectable()
export class HistoryVerifyService {
  constructor(
    private readonly audit: HistoryAuditRepository,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async verify(options: VerifyOptions = {}): Promise<VerificationReport> {
    const publicKey = this.config.requireHistorySealPublicKey();
    const batch = options.batchSize ?? DEFAULT_BATCH;
    const found = new ProblemList();
    const ledger = new SealLedger();
    const seals = await this.readSeals(ledger, found, batch, publicKey);

    const verifier = new ChainVerifier();
    let events = 0;
    const first = options.since ? await this.audit.firstIdAtOrAfter(options.since) : 1n;
    if (first !== null) {
      let afterId = first - 1n;
      for (;;) {
        const page = await this.audit.pageAfter(afterId, batch);
        if (page.length === 0) break;
        if (options.since) await this.seedPredecessors(verifier, page);
        for (const e of page) {
          found.add(...verifier.push(e));
          const sealProblem = ledger.observe(e);
          if (sealProblem) found.add(sealProblem);
        }
        events += page.length;
        afterId = page[page.length - 1]!.id;
      }
    }
    await this.resolvePendingSeals(ledger, found);

    return {
      ok: found.count === 0,
      checkedAt: this.clock.now().toISOString(),
      since: options.since?.toISOString() ?? null,
      events,
      streams: verifier.streamCount,
      seals: { ...seals, sealedStreams: ledger.size },
      problemCount: found.count,
      firstProblem: found.list[0] ?? null,
      problems: found.list,
    };
  }

  /** Reads the (comparatively small) seal stream first: what every other stream must still hold. */
  private async readSeals(ledger: SealLedger, found: ProblemList, batch: number, publicKey: KeyObject): Promise<Omit<VerificationReport['seals'], 'sealedStreams'>> {
    const fingerprint = keyFingerprint(publicKey);
    let count = 0;
    let signed = 0;
    let unsigned = 0;
    let latest: HistoryEvent | null = null;
    let afterSeq = 0;
    for (;;) {
      const page = await this.audit.sealPageAfter(afterSeq, batch);
      if (page.length === 0) break;
      for (const e of page) {
        const at = { stream: SEAL_STREAM, seq: e.seq, id: String(e.id) };
        const data = parseSealData(e.data);
        const check = data && checkSealSignature(e, publicKey, fingerprint);
        if (!data) found.add({ kind: 'SEAL_MALFORMED', ...at, message: '封存记录格式无效（被改动或非封存事件）' });
        else if (check === 'VALID') signed++;
        else if (check === 'UNSIGNED' && signed === 0) unsigned++;
        else if (check === 'UNSIGNED') found.add({ kind: 'SEAL_UNSIGNED', ...at, message: '已启用签名后出现未签名的封存记录（伪造或被重算）' });
        else if (check === 'OTHER_KEY') found.add({ kind: 'SEAL_SIGNATURE_INVALID', ...at, message: `封存记录由另一密钥签名（${data.signature!.key}），核验所用公钥为 ${fingerprint}` });
        else found.add({ kind: 'SEAL_SIGNATURE_INVALID', ...at, message: '封存记录签名无效：内容与签名时不符（被改动、伪造或重算）' });
        // Only a seal the key vouches for (or one from before signing) says what streams must hold.
        if (check === 'VALID' || (check === 'UNSIGNED' && signed === 0)) ledger.addSeal(e.seq, data!);
        count++;
        latest = e;
      }
      afterSeq = page[page.length - 1]!.seq;
    }
    const throughId = latest ? (parseSealData(latest.data)?.throughId ?? null) : null;
    return {
      count,
      latest: latest && { seq: latest.seq, at: latest.at.toISOString(), hash: latest.hash, throughId },
      signed,
      unsigned,
      publicKey: { fingerprint, pem: publicKeyPem(publicKey) },
    };
  }

  /** In a window, a stream's first event links to one outside it: fetch those, a page at a time. */
  private async seedPredecessors(verifier: ChainVerifier, page: HistoryEvent[]): Promise<void> {
    const firstInPage = new Map<string, number>();
    for (const e of page) if (!firstInPage.has(e.stream)) firstInPage.set(e.stream, e.seq);
    const wanted = new Map([...firstInPage].filter(([stream, seq]) => seq > 1 && !verifier.knows(stream)).map(([stream, seq]) => [stream, seq - 1]));
    const rows = await this.audit.eventsAt([...wanted].map(([stream, seq]) => ({ stream, seq })));
    for (const r of rows) verifier.seed(r.stream, r.seq, r.hash);
  }

  /** Sealed heads the scan did not meet: outside the window (fine if intact) or gone (tampering). */
  private async resolvePendingSeals(ledger: SealLedger, found: ProblemList): Promise<void> {
    const pending = ledger.pending();
    for (let i = 0; i < pending.length; i += LOOKUP_BATCH) {
      const slice = pending.slice(i, i + LOOKUP_BATCH);
      const [rows, lastSeqs] = await Promise.all([this.audit.eventsAt(slice), this.audit.lastSeqs(slice.map((p) => p.stream))]);
      const at = new Map(rows.map((r) => [`${r.seq}:${r.stream}`, r]));
      for (const exp of slice) {
        const problem = checkSealedHead(exp, at.get(`${exp.seq}:${exp.stream}`) ?? null, lastSeqs.get(exp.stream) ?? null);
        if (problem) found.add(problem);
      }
    }
  }
}

class ProblemList {
  count = 0;
  readonly list: ChainProblem[] = [];

  add(...problems: ChainProblem[]): void {
    for (const p of problems) {
      this.count++;
      if (this.list.length < MAX_LISTED) this.list.push(p);
    }
  }
}
