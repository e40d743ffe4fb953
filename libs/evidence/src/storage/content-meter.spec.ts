import { createHash } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { SAMPLE_BYTES } from '../rules/content-sniff.rules.js';
import { ContentMeter } from './content-meter.js';

async function meter(chunks: Buffer[], maxBytes: number, inspectHead?: (head: Buffer) => void): Promise<ContentMeter> {
  const m = new ContentMeter(maxBytes, inspectHead);
  const sink = new PassThrough();
  sink.resume();
  await pipeline(Readable.from(chunks), m, sink);
  return m;
}

describe('ContentMeter', () => {
  const chunks = Array.from({ length: 5 }, (_, i) => Buffer.alloc(40_000, 97 + i));
  const whole = Buffer.concat(chunks);

  it('hashes, counts and keeps both ends of a multi-chunk stream', async () => {
    const m = await meter(chunks, whole.length);
    expect(m.size).toBe(whole.length);
    expect(m.sha256).toBe(createHash('sha256').update(whole).digest('hex'));
    expect(m.head).toEqual(whole.subarray(0, SAMPLE_BYTES));
    expect(m.tail).toEqual(whole.subarray(-SAMPLE_BYTES));
  });

  it.each([
    ['one byte over', whole.length - 1, true],
    ['exactly at', whole.length, false],
  ])('%s the limit %s', async (_name, maxBytes, refused) => {
    const run = meter(chunks, maxBytes);
    if (refused) await expect(run).rejects.toMatchObject({ code: 'EVIDENCE_TOO_LARGE' });
    else await expect(run).resolves.toBeInstanceOf(ContentMeter);
  });

  it('shows the head once, before the rest streams, and stops when it is refused', async () => {
    const seen: number[] = [];
    await expect(
      meter(chunks, whole.length, (head) => {
        seen.push(head.length);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(seen).toEqual([SAMPLE_BYTES]);
  });

  it('shows a short file whole, at its end', async () => {
    const seen: Buffer[] = [];
    await meter([Buffer.from('短文件')], 100, (head) => seen.push(head));
    expect(seen).toEqual([Buffer.from('短文件')]);
  });
});
