import { ZIP_LIMITS } from '#libs/core';
import { docmBeyondSamples, docWithMacroInTheMiddle, docx, zipPosingAsPdf } from '../support/evidence-bypasses.js';
import { evidenceWorld, PDF, type EvidenceWorld } from './evidence-support.js';

/** The reported walk-arounds of the sampled content checks, through the real upload. */
describe('evidence content checks read whole containers', () => {
  let w: EvidenceWorld;
  let taskId: string;
  beforeAll(async () => {
    w = await evidenceWorld();
    taskId = await w.taskInProgress('材料类型核验');
  });
  afterAll(() => w.close());

  it.each<[string, () => Buffer, string, string]>([
    ['a .docm whose vbaProject.bin lies beyond the sampled bytes', docmBeyondSamples, '汇报.docx', 'MACRO'],
    ['a zip holding an .exe with "%PDF-" in its first KiB', zipPosingAsPdf, '扫描件.pdf', 'EXECUTABLE'],
    ['an OLE .doc with a _VBA_PROJECT entry in the middle of its directory', docWithMacroInTheMiddle, '通知.doc', 'MACRO'],
  ])('refuses %s with 422 and keeps nothing', async (_name, build, fileName, reason) => {
    const before = w.stored().objects.length;
    const res = await w.upload(taskId, 'officer1', [{ name: 'file', fileName, content: build() }]);
    expect(res).toMatchObject({ status: 422, body: { code: 'EVIDENCE_TYPE_NOT_ALLOWED', details: { reason } } });
    expect(w.stored().objects).toHaveLength(before);
    expect(w.stored().staging).toEqual([]);
  });

  it('refuses a zip bomb posing as a Word file with 413 naming the limit', async () => {
    const res = await w.upload(taskId, 'officer1', [{ name: 'file', fileName: '附件.docx', content: docx({ name: 'word/media/blank.xml', data: ' '.repeat(8 * 1024 * 1024) }) }]);
    expect(res).toMatchObject({ status: 413, body: { code: 'EVIDENCE_CONTAINER_TOO_LARGE', details: { limit: 'maxRatio', limitValue: ZIP_LIMITS.maxRatio } } });
    expect(w.stored().staging).toEqual([]);
  });

  it('still takes a PDF and a plain Word file', async () => {
    for (const [fileName, content] of [['会议纪要.pdf', PDF], ['汇报.docx', docx()]] as const) {
      const res = await w.upload(taskId, 'officer1', [{ name: 'file', fileName, content }]);
      expect(res.status).toBe(201);
    }
  });
});
