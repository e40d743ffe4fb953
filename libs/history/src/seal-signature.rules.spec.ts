import { generateKeyPairSync } from 'node:crypto';
import { keyFingerprint } from '#libs/core';
import { eventHash, type ChainedFields } from './history-chain.rules.js';
import { checkSealSignature, signSeal, type SealSignatureCheck } from './seal-signature.rules.js';
import { buildSealData, parseSealData } from './seal.rules.js';

const H = 'b'.repeat(64);
const key = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');

const [data] = buildSealData([['task:a', 3, H], ['security', 9, H]], 42n, 7n);
const fields: ChainedFields = {
  stream: 'seal',
  seq: 2,
  at: new Date('2026-12-03T06:00:00.000Z'),
  type: 'history.sealed',
  actorUserId: null,
  actorPersonId: null,
  actingForPostId: null,
  subjectId: null,
  data: { ...data },
  prevHash: 'c'.repeat(64),
};
const signed: ChainedFields = { ...fields, data: { ...data, signature: signSeal(fields, key.privateKey) } };
// As stored: jsonb gives the data back with its keys in another order.
const stored = (e: ChainedFields): ChainedFields => ({ ...e, data: JSON.parse(JSON.stringify(e.data)) });
const withData = (change: Record<string, unknown>) => ({ ...signed, data: { ...(signed.data as object), ...change } });

describe('seal signatures', () => {
  it('a signed seal is still a well-formed seal, signed by the key whose fingerprint it names', () => {
    expect(parseSealData(stored(signed).data)).not.toBeNull();
    expect((signed.data as { signature: { key: string } }).signature.key).toBe(keyFingerprint(key.publicKey));
  });

  it.each<[string, ChainedFields, SealSignatureCheck]>([
    ['the seal as signed', stored(signed), 'VALID'],
    ['a seal from before signing', fields, 'UNSIGNED'],
    ['a sealed head replaced (hash recomputed by the public rule)', withData({ heads: [['security', 9, H], ['task:a', 4, 'd'.repeat(64)]] }), 'INVALID'],
    ['a head dropped', withData({ heads: [['security', 9, H]] }), 'INVALID'],
    ['throughId moved back', withData({ throughId: '41' }), 'INVALID'],
    ['re-linked to another previous seal', { ...signed, prevHash: 'e'.repeat(64) }, 'INVALID'],
    ['renumbered', { ...signed, seq: 3 }, 'INVALID'],
    ['re-dated', { ...signed, at: new Date('2026-12-03T07:00:00.000Z') }, 'INVALID'],
    ['attributed to someone', { ...signed, actorUserId: '00000000-0000-0000-0000-000000000001' }, 'INVALID'],
    ['a signature taken from another seal', withData({ signature: signSeal({ ...fields, seq: 1 }, key.privateKey) }), 'INVALID'],
    ['signed by a key the verifier does not know', { ...fields, data: { ...data, signature: signSeal(fields, other.privateKey) } }, 'OTHER_KEY'],
    ['a forged signature naming the right key', withData({ signature: { ...signSeal(fields, other.privateKey), key: keyFingerprint(key.publicKey) } }), 'INVALID'],
  ])('%s → %s', (_name, seal, expected) => {
    expect(checkSealSignature(seal, key.publicKey)).toBe(expected);
    // The hash rule is public: any of these could carry a correct recomputed hash; only the signature tells.
    expect(eventHash(seal)).toMatch(/^[0-9a-f]{64}$/);
  });
});
