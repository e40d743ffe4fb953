import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { keyFingerprint } from '#libs/core';
import { canonicalJson } from './canonical-json.js';
import { hashedFields, type ChainedFields } from './history-chain.rules.js';
import type { SealData, SealSignature } from './seal.rules.js';

/**
 * Seals are signed with a key the database never holds, so someone who can write history_event
 * (even its owner, triggers off) cannot recompute a seal after changing what it sealed: the hash rule
 * is public, the signing key is not.
 *
 * What is signed: every field the seal event's hash covers (stream, seq, at, type, actors, the seal
 * data with its heads, and prevHash: the hash of the seal before it, which chains the signatures)
 * except the signature itself, as canonical JSON.
 */
export function sealSigningPayload(seal: ChainedFields): Buffer {
  const { signature: _signature, ...data } = (seal.data ?? {}) as SealData;
  return Buffer.from(canonicalJson({ ...hashedFields({ ...seal, data }), signed: 'duty-tracker seal v1' }));
}

export function signSeal(seal: ChainedFields, privateKey: KeyObject): SealSignature {
  return { alg: 'Ed25519', key: keyFingerprint(createPublicKey(privateKey)), sig: sign(null, sealSigningPayload(seal), privateKey).toString('base64') };
}

export type SealSignatureCheck =
  | 'VALID'
  | 'UNSIGNED' // written before seals were signed
  | 'OTHER_KEY' // signed, but by a key other than the one verifying
  | 'INVALID'; // the seal's content is not what was signed: altered or re-computed

/** Checks a seal event (its data parsed, signature included) against the verifying public key. */
export function checkSealSignature(seal: ChainedFields, publicKey: KeyObject, fingerprint = keyFingerprint(publicKey)): SealSignatureCheck {
  const signature = (seal.data as SealData).signature;
  if (!signature) return 'UNSIGNED';
  if (signature.key !== fingerprint) return 'OTHER_KEY';
  return verify(null, sealSigningPayload(seal), publicKey, Buffer.from(signature.sig, 'base64')) ? 'VALID' : 'INVALID';
}
