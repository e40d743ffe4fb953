import { eventHash, GENESIS_HASH, type ChainedFields } from './history-chain.rules.js';
import type { SealData } from './seal.rules.js';

export type ChainProblemKind =
  | 'HASH_MISMATCH' // the row's fields no longer hash to its recorded hash: the row was altered
  | 'BROKEN_LINK' // prevHash is not the hash of the event before it
  | 'SEQ_GAP' // events are missing before this one
  | 'SEQ_REPEATED' // a seq at or below one already seen (duplicate or reordered rows)
  | 'SEAL_MALFORMED' // an event of the seal stream that is not a valid seal
  | 'SEAL_SIGNATURE_INVALID' // a seal whose content is not what the seal key signed (forged or re-hashed), or signed by another key
  | 'SEAL_UNSIGNED' // an unsigned seal after a signed one: seals are never written unsigned once signing began
  | 'SEALED_EVENT_MISSING' // a sealed head no longer exists: the stream's last events were removed
  | 'SEALED_HASH_MISMATCH'; // the event at a sealed position differs from what was sealed

export interface ChainProblem {
  kind: ChainProblemKind;
  stream: string;
  seq: number;
  /** Row id of the offending event; null when the event is gone. */
  id: string | null;
  /** Human-readable (Chinese) explanation, including expected and found values. */
  message: string;
}

export interface StoredEvent extends ChainedFields {
  id: bigint | string;
  hash: string;
}

const short = (hash: string) => hash.slice(0, 12);

/**
 * Checks events of any number of streams, fed in id order (the order they were appended), keeping
 * only each stream's last seq and hash: memory grows with the number of streams, never events.
 */
export class ChainVerifier {
  private readonly heads = new Map<string, { seq: number; hash: string }>();

  /** Starts a stream mid-way (verifying a window): the event just before the window's first. */
  seed(stream: string, seq: number, hash: string): void {
    this.heads.set(stream, { seq, hash });
  }

  knows(stream: string): boolean {
    return this.heads.has(stream);
  }

  get streamCount(): number {
    return this.heads.size;
  }

  /** What is wrong with this event (empty when nothing). */
  push(e: StoredEvent): ChainProblem[] {
    const problems: ChainProblem[] = [];
    const at = { stream: e.stream, seq: e.seq, id: String(e.id) };
    const recomputed = eventHash(e);
    if (recomputed !== e.hash) {
      problems.push({ kind: 'HASH_MISMATCH', ...at, message: `记录内容已被改动：登记哈希 ${short(e.hash)}…，按内容重算为 ${short(recomputed)}…` });
    }
    const previous = this.heads.get(e.stream);
    const expectedSeq = (previous?.seq ?? 0) + 1;
    if (e.seq === expectedSeq) {
      const expectedPrev = previous?.hash ?? GENESIS_HASH;
      if (e.prevHash !== expectedPrev) {
        problems.push({
          kind: 'BROKEN_LINK',
          ...at,
          message:
            e.seq === 1
              ? `首条记录的前序哈希应为创世值，实为 ${short(e.prevHash)}…`
              : `前序哈希 ${short(e.prevHash)}… 与第 ${e.seq - 1} 条的哈希 ${short(expectedPrev)}… 不符（第 ${e.seq - 1} 条或本条被改动）`,
        });
      }
    } else if (e.seq > expectedSeq) {
      const missing = e.seq - 1 === expectedSeq ? `第 ${expectedSeq} 条` : `第 ${expectedSeq}–${e.seq - 1} 条`;
      problems.push({ kind: 'SEQ_GAP', ...at, message: `序号不连续：缺少${missing}（记录被删除）` });
    } else {
      problems.push({ kind: 'SEQ_REPEATED', ...at, message: `序号重复或乱序：已核验至第 ${previous!.seq} 条，又出现第 ${e.seq} 条` });
    }
    // Continue from the recorded hash: one altered row is reported once, not on every later link.
    if (!previous || e.seq > previous.seq) this.heads.set(e.stream, { seq: e.seq, hash: e.hash });
    return problems;
  }
}

export interface SealExpectation {
  stream: string;
  seq: number;
  hash: string;
  /** The seal event (seq in the seal stream) that recorded it. */
  sealSeq: number;
}

/**
 * What the seals promise: for each stream, the newest sealed head. Earlier sealed heads of the same
 * stream are implied — the chain links between them are checked event by event.
 */
export class SealLedger {
  private readonly expected = new Map<string, SealExpectation & { satisfied: boolean }>();

  addSeal(sealSeq: number, data: SealData): void {
    for (const [stream, seq, hash] of data.heads) {
      const known = this.expected.get(stream);
      if (!known || seq >= known.seq) this.expected.set(stream, { stream, seq, hash, sealSeq, satisfied: false });
    }
  }

  get size(): number {
    return this.expected.size;
  }

  /** Called for each scanned event; reports when the event at a sealed position differs. */
  observe(e: { stream: string; seq: number; hash: string; id: bigint | string }): ChainProblem | null {
    const exp = this.expected.get(e.stream);
    if (!exp || exp.seq !== e.seq) return null;
    exp.satisfied = true;
    return exp.hash === e.hash ? null : sealedHashMismatch(exp, e.hash, String(e.id));
  }

  /** Sealed heads not met during the scan (outside a --since window, or gone). */
  pending(): SealExpectation[] {
    return [...this.expected.values()].filter((e) => !e.satisfied).map(({ satisfied: _s, ...e }) => e);
  }
}

/**
 * Resolves a sealed head not met during the scan from a direct lookup: `found` is the event now at
 * the sealed position (or null), `lastSeq` the stream's last seq (or null when it has none).
 */
export function checkSealedHead(exp: SealExpectation, found: { hash: string; id: bigint | string } | null, lastSeq: number | null): ChainProblem | null {
  if (found) return found.hash === exp.hash ? null : sealedHashMismatch(exp, found.hash, String(found.id));
  const now = lastSeq === null ? '该流已无任何记录' : `该流现止于第 ${lastSeq} 条`;
  return {
    kind: 'SEALED_EVENT_MISSING',
    stream: exp.stream,
    seq: exp.seq,
    id: null,
    message: `封存记录第 ${exp.sealSeq} 号载明该流至第 ${exp.seq} 条（哈希 ${short(exp.hash)}…），${now}：末尾记录被删除`,
  };
}

function sealedHashMismatch(exp: SealExpectation, actual: string, id: string): ChainProblem {
  return {
    kind: 'SEALED_HASH_MISMATCH',
    stream: exp.stream,
    seq: exp.seq,
    id,
    message: `与封存记录第 ${exp.sealSeq} 号不符：封存哈希 ${short(exp.hash)}…，现为 ${short(actual)}…（记录被替换或重算）`,
  };
}

/** `YYYY-MM-DD` (from 00:00 that day in Shanghai) or an ISO instant; null when neither. */
export function parseSince(value: string): Date | null {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) {
    const [y, m, d] = day.slice(1).map(Number) as [number, number, number];
    const utc = new Date(Date.UTC(y, m - 1, d));
    // Date.UTC rolls 02-30 over into March; a real calendar day survives the round trip.
    if (utc.getUTCMonth() !== m - 1 || utc.getUTCDate() !== d) return null;
    return new Date(utc.getTime() - 8 * 3_600_000);
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at;
}
