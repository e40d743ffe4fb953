/**
 * Seals close the one gap a hash chain leaves open: removing the LAST events of a stream breaks no
 * link. A seal records the head (last seq and hash) of every stream that changed since the
 * previous seal; seals are themselves events of the chained stream `seal`, so a verifier can
 * demand that each sealed head still exists with the sealed hash.
 */
export const SEAL_STREAM = 'seal';
export const SEAL_EVENT_TYPE = 'history.sealed';

/** Heads per seal event: keeps one jsonb row small even when a first seal covers every stream. */
export const MAX_HEADS_PER_SEAL = 2000;

export type SealedHead = [stream: string, seq: number, hash: string];

export interface SealData {
  /** Every event outside the seal stream with id ≤ throughId is covered by this seal or an earlier one. */
  throughId: string;
  previousThroughId: string;
  /** Sorted by stream. */
  heads: SealedHead[];
  /** A large delta is split over several seal events with the same throughId. */
  part: number;
  parts: number;
  /** Ed25519 signature over the rest of the seal event (see seal-signature.rules.ts); absent on seals from before signing. */
  signature?: SealSignature;
}

export interface SealSignature {
  alg: 'Ed25519';
  /** Fingerprint of the signing key's public half (keyFingerprint). */
  key: string;
  /** Base64 of the 64-byte signature. */
  sig: string;
}

const HASH = /^[0-9a-f]{64}$/;
const ID = /^\d{1,20}$/;

/** The seal events to write for the heads that changed in (previousThroughId, throughId]. */
export function buildSealData(heads: SealedHead[], throughId: bigint, previousThroughId: bigint, maxPerSeal = MAX_HEADS_PER_SEAL): SealData[] {
  if (heads.length === 0) return [];
  const sorted = [...heads].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const parts = Math.ceil(sorted.length / maxPerSeal);
  return Array.from({ length: parts }, (_, i) => ({
    throughId: throughId.toString(),
    previousThroughId: previousThroughId.toString(),
    heads: sorted.slice(i * maxPerSeal, (i + 1) * maxPerSeal),
    part: i + 1,
    parts,
  }));
}

/** The seal's data when well-formed, else null (a tampered or foreign event in the seal stream). */
export function parseSealData(data: unknown): SealData | null {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return null;
  const d = data as Record<string, unknown>;
  if (typeof d.throughId !== 'string' || !ID.test(d.throughId)) return null;
  if (typeof d.previousThroughId !== 'string' || !ID.test(d.previousThroughId)) return null;
  if (!Number.isInteger(d.part) || !Number.isInteger(d.parts) || (d.part as number) < 1 || (d.part as number) > (d.parts as number)) return null;
  if (!Array.isArray(d.heads)) return null;
  for (const head of d.heads as unknown[]) {
    if (!Array.isArray(head) || head.length !== 3) return null;
    const [stream, seq, hash] = head as unknown[];
    if (typeof stream !== 'string' || stream === '' || stream === SEAL_STREAM) return null;
    if (!Number.isInteger(seq) || (seq as number) < 1) return null;
    if (typeof hash !== 'string' || !HASH.test(hash)) return null;
  }
  if (d.signature !== undefined && !isSignature(d.signature)) return null;
  return d as unknown as SealData;
}

function isSignature(value: unknown): value is SealSignature {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const s = value as Record<string, unknown>;
  return s.alg === 'Ed25519' && typeof s.key === 'string' && s.key.length <= 100 && typeof s.sig === 'string' && /^[A-Za-z0-9+/]{86}==$/.test(s.sig);
}
