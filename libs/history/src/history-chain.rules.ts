import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

/** The first event of every stream links to this. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  stream: string;
  seq: number;
  at: Date;
  type: string;
  actorUserId: string | null;
  actorPersonId: string | null;
  actingForPostId: string | null;
  subjectId: string | null;
  data: unknown;
  prevHash: string;
}

/** The fields a hash covers, the instant as ISO text: also what an exported record carries. */
export function hashedFields(e: ChainedFields): Omit<ChainedFields, 'at'> & { at: string } {
  return {
    stream: e.stream,
    seq: e.seq,
    at: e.at.toISOString(),
    type: e.type,
    actorUserId: e.actorUserId,
    actorPersonId: e.actorPersonId,
    actingForPostId: e.actingForPostId,
    subjectId: e.subjectId,
    data: e.data,
    prevHash: e.prevHash,
  };
}

/** SHA-256 over every recorded field and the previous hash: changing any past row breaks the chain. */
export function eventHash(e: ChainedFields): string {
  const material = canonicalJson(hashedFields(e));
  return createHash('sha256').update(material).digest('hex');
}
