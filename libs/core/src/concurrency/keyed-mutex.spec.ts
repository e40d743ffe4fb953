import { KeyedMutex } from './keyed-mutex.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** Records when each job starts and ends; each job waits for the test to let it finish. */
function harness() {
  const mutex = new KeyedMutex();
  const log: string[] = [];
  const gates = new Map<string, () => void>();
  const job = (name: string, keys: string[], fails = false) =>
    mutex.run(keys, async () => {
      log.push(`${name}+`);
      await new Promise<void>((resolve) => gates.set(name, resolve));
      log.push(`${name}-`);
      if (fails) throw new Error(name);
      return name;
    });
  const finish = async (name: string) => {
    gates.get(name)?.();
    gates.delete(name);
    await tick();
    await tick();
  };
  return { mutex, log, job, finish };
}

describe('KeyedMutex', () => {
  // Exclusive: one job runs to its end before the other starts (whichever got its keys first).
  const exclusive = (log: string[]) => log.length === 4 && log[0]![0] === log[1]![0] && log[2]![0] === log[3]![0] && log[0]![0] !== log[2]![0];
  it.each<[string, string[], string[], boolean]>([
    ['the same key waits', ['a'], ['a'], true],
    ['different keys run together', ['a'], ['b'], false],
    ['one shared key among several waits', ['a', 'b'], ['c', 'b'], true],
    ['keys in opposite orders do not deadlock', ['a', 'b'], ['b', 'a'], true],
  ])('%s', async (_name, keysA, keysB, expectExclusive) => {
    const { mutex, log, job, finish } = harness();
    const a = job('A', keysA);
    const b = job('B', keysB);
    await tick();
    await tick();
    // Let the running jobs finish, then the one that was waiting.
    for (let round = 0; round < 2; round++) for (const name of log.filter((e) => e.endsWith('+')).map((e) => e[0]!)) await finish(name);
    await expect(Promise.all([a, b])).resolves.toEqual(['A', 'B']);
    expect(exclusive(log)).toBe(expectExclusive);
    expect(mutex.size).toBe(0);
  });

  it('releases the keys when the holder fails', async () => {
    const { mutex, log, job, finish } = harness();
    const a = job('A', ['a'], true);
    const b = job('B', ['a']);
    await tick();
    await finish('A');
    await expect(a).rejects.toThrow('A');
    await finish('B');
    await expect(b).resolves.toBe('B');
    expect(log).toEqual(['A+', 'A-', 'B+', 'B-']);
    expect(mutex.size).toBe(0);
  });
});
