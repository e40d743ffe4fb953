import { ChainVerifier, checkSealedHead, parseSince, SealLedger, type ChainProblemKind, type StoredEvent } from './chain-verification.rules.js';
import { eventHash, GENESIS_HASH } from './history-chain.rules.js';
import { buildSealData } from './seal.rules.js';

/** A well-formed chain of `n` events on `stream`, ids starting at `firstId`. */
function chain(stream: string, n: number, firstId = 1): StoredEvent[] {
  const events: StoredEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const fields = {
      stream,
      seq,
      at: new Date(Date.UTC(2026, 10, 26, 2, seq)),
      type: 'task.note',
      actorUserId: null,
      actorPersonId: null,
      actingForPostId: null,
      subjectId: stream,
      data: { n: seq },
      prevHash,
    };
    const hash = eventHash(fields);
    events.push({ ...fields, id: BigInt(firstId + seq - 1), hash });
    prevHash = hash;
  }
  return events;
}

function verify(events: StoredEvent[]) {
  const verifier = new ChainVerifier();
  return events.flatMap((e) => verifier.push(e)).map((p) => [p.kind, p.stream, p.seq] as const);
}

const a = chain('task:a', 4);
const b = chain('task:b', 2, 10);

describe('ChainVerifier', () => {
  it.each<[string, StoredEvent[], [ChainProblemKind, string, number][]]>([
    ['intact interleaved streams', [a[0]!, b[0]!, a[1]!, a[2]!, b[1]!, a[3]!], []],
    ['a field altered, hash kept', [a[0]!, { ...a[1]!, data: { n: 99 } }, a[2]!, a[3]!], [['HASH_MISMATCH', 'task:a', 2]]],
    ['a row altered and its hash recomputed', [a[0]!, rehashed({ ...a[1]!, type: 'task.forged' }), a[2]!, a[3]!], [['BROKEN_LINK', 'task:a', 3]]],
    ['a middle event deleted', [a[0]!, a[2]!, a[3]!], [['SEQ_GAP', 'task:a', 3]]],
    ['several events deleted', [a[0]!, a[3]!], [['SEQ_GAP', 'task:a', 4]]],
    ['the first event deleted', [a[1]!, a[2]!], [['SEQ_GAP', 'task:a', 2]]],
    ['an event duplicated', [a[0]!, a[1]!, a[1]!, a[2]!], [['SEQ_REPEATED', 'task:a', 2]]],
    ['a first event not linked to genesis', [rehashed({ ...a[0]!, prevHash: '1'.repeat(64) })], [['BROKEN_LINK', 'task:a', 1]]],
    // The one change a chain alone cannot see: seals exist for this.
    ['the last event deleted', [a[0]!, a[1]!, a[2]!], []],
  ])('%s', (_name, events, expected) => {
    expect(verify(events)).toEqual(expected);
  });

  it('continues from a seeded predecessor when verifying a window', () => {
    const verifier = new ChainVerifier();
    verifier.seed('task:a', 2, a[1]!.hash);
    expect([...verifier.push(a[2]!), ...verifier.push(a[3]!)]).toEqual([]);
    expect(verifier.streamCount).toBe(1);
  });

  it('names the row and what is wrong', () => {
    const [problem] = new ChainVerifier().push({ ...a[0]!, data: { n: 2 } });
    expect(problem).toMatchObject({ kind: 'HASH_MISMATCH', stream: 'task:a', seq: 1, id: '1', message: expect.stringContaining('改动') });
  });
});

describe('SealLedger', () => {
  const seal = (heads: [string, number, string][]) => buildSealData(heads, 100n, 0n)[0]!;

  it('keeps the newest sealed head per stream and is satisfied by the scan', () => {
    const ledger = new SealLedger();
    ledger.addSeal(1, seal([['task:a', 2, a[1]!.hash], ['task:b', 2, b[1]!.hash]]));
    ledger.addSeal(2, seal([['task:a', 4, a[3]!.hash]]));
    const problems = [...a, ...b].map((e) => ledger.observe(e)).filter(Boolean);
    expect(problems).toEqual([]);
    expect(ledger.pending()).toEqual([]);
  });

  it('reports a sealed position holding a different event', () => {
    const ledger = new SealLedger();
    ledger.addSeal(3, seal([['task:a', 2, a[1]!.hash]]));
    expect(ledger.observe({ ...a[1]!, hash: 'f'.repeat(64) })).toMatchObject({ kind: 'SEALED_HASH_MISMATCH', stream: 'task:a', seq: 2 });
  });

  it('leaves heads it never met pending, for a lookup', () => {
    const ledger = new SealLedger();
    ledger.addSeal(1, seal([['task:a', 4, a[3]!.hash]]));
    a.slice(0, 3).forEach((e) => ledger.observe(e));
    expect(ledger.pending()).toEqual([{ stream: 'task:a', seq: 4, hash: a[3]!.hash, sealSeq: 1 }]);
  });
});

describe('checkSealedHead', () => {
  const exp = { stream: 'task:a', seq: 4, hash: a[3]!.hash, sealSeq: 7 };

  it.each<[string, { hash: string; id: string } | null, number | null, ChainProblemKind | null, RegExp | null]>([
    ['still there', { hash: a[3]!.hash, id: '4' }, 4, null, null],
    ['last event deleted', null, 3, 'SEALED_EVENT_MISSING', /第 4 条.*现止于第 3 条/],
    ['whole stream deleted', null, null, 'SEALED_EVENT_MISSING', /已无任何记录/],
    ['replaced after deletion', { hash: 'e'.repeat(64), id: '40' }, 4, 'SEALED_HASH_MISMATCH', /封存记录第 7 号/],
  ])('%s', (_name, found, lastSeq, kind, message) => {
    const problem = checkSealedHead(exp, found, lastSeq);
    if (kind === null) expect(problem).toBeNull();
    else expect(problem).toMatchObject({ kind, stream: 'task:a', seq: 4, message: expect.stringMatching(message!) });
  });
});

describe('parseSince', () => {
  it.each([
    ['2026-11-26', '2026-11-25T16:00:00.000Z'],
    ['2026-11-26T08:30:00+08:00', '2026-11-26T00:30:00.000Z'],
    ['2026-11-26T00:30:00Z', '2026-11-26T00:30:00.000Z'],
    ['2026-02-30', null],
    ['yesterday', null],
    ['2026-11-26 08:00', null],
  ])('%s → %s', (value, expected) => {
    expect(parseSince(value)?.toISOString() ?? null).toBe(expected);
  });
});

function rehashed(e: StoredEvent): StoredEvent {
  return { ...e, hash: eventHash(e) };
}
