import { createHash, randomBytes } from 'node:crypto';
import { evidenceWorld, multipartBody, PDF, type EvidenceWorld, type FormPart, type Json } from './evidence-support.js';

describe('交办附件: assigner attachments on ad-hoc tasks', () => {
  let w: EvidenceWorld;

  beforeAll(async () => {
    w = await evidenceWorld({ now: '2026-11-26T02:00:00.000Z', jobs: false });
  });
  afterAll(() => w.close());

  const attach = async (taskId: string, who: string, parts: FormPart[]) => {
    const { payload, headers } = multipartBody(parts);
    const res = await w.t.app.inject({ method: 'POST', url: `/api/tasks/${taskId}/attachments`, headers: { ...w.as[who], ...headers }, payload });
    return { status: res.statusCode, body: res.json() as Json };
  };
  const newTask = async (title: string) => {
    const res = await w.call('POST', '/api/tasks', 'chief', { postId: w.post['officer-1'], title, dueDate: '2026-12-18' });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  it('the assigner attaches a file; the task lists it, the history chains its SHA-256, the assignee downloads the exact bytes', async () => {
    const id = await newTask('会议交办：核查用地批文');
    // A PDF with random bytes inside: the download must return these bytes exactly.
    const content = Buffer.concat([PDF, randomBytes(200_000), Buffer.from('\nstartxref\n9\n%%EOF\n')]);
    const sha256 = createHash('sha256').update(content).digest('hex');
    const added = await attach(id, 'chief', [{ name: 'file', fileName: '局长办公会纪要.pdf', content, type: 'application/pdf' }]);
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ taskId: id, fileName: '局长办公会纪要.pdf', mimeType: 'application/pdf', size: content.length, sha256 });

    const detail = await w.call('GET', `/api/tasks/${id}`, 'officer1');
    expect(detail.body.attachments).toEqual([expect.objectContaining({ id: added.body.id, sha256, downloadPath: `/api/tasks/${id}/attachments/${added.body.id}` })]);
    const event = detail.body.history.find((e: Json) => e.type === 'attachment.added');
    expect(event.data).toEqual({ attachmentId: added.body.id, file: { name: '局长办公会纪要.pdf', mimeType: 'application/pdf', size: content.length, sha256 } });

    const download = await w.call('GET', added.body.downloadPath, 'officer1');
    expect(download.status).toBe(200);
    expect(download.raw.equals(content)).toBe(true);
    expect(download.headers['repr-digest']).toBe(`sha-256=:${Buffer.from(sha256, 'hex').toString('base64')}:`);
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''");
    expect(download.headers['x-content-type-options']).toBe('nosniff');
  });

  it('only the assigner (or admin) adds; people who cannot see the task get 404 on download', async () => {
    const id = await newTask('附件权限');
    const file: FormPart[] = [{ name: 'file', fileName: 'a.pdf', content: PDF }];
    expect((await attach(id, 'officer1', file)).body.code).toBe('TASK_ATTACHMENT_NOT_ALLOWED');
    expect((await attach(id, 'deputy', file)).status).toBe(403);
    expect((await attach(id, 'officer2', file)).body.code).toBe('TASK_NOT_FOUND');
    const byAdmin = await attach(id, 'admin', file);
    expect(byAdmin.status).toBe(201);

    const hidden = await w.call('GET', `/api/tasks/${id}/attachments/${byAdmin.body.id}`, 'officer2');
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('TASK_NOT_FOUND');
    // An attachment id under another task is not found either.
    const other = await newTask('另一任务');
    expect((await w.call('GET', `/api/tasks/${other}/attachments/${byAdmin.body.id}`, 'chief')).body.code).toBe('TASK_ATTACHMENT_NOT_FOUND');
  });

  it('POST /api/tasks as multipart creates the task with its attachment; a refused task leaves nothing behind', async () => {
    const post = async (parts: FormPart[], who = 'chief') => {
      const { payload, headers } = multipartBody(parts);
      const res = await w.t.app.inject({ method: 'POST', url: '/api/tasks', headers: { ...w.as[who], ...headers }, payload });
      return { status: res.statusCode, body: res.json() as Json };
    };
    const task = { postId: w.post['officer-1'], title: '带附件交办', deadlineRule: { kind: 'WORKDAYS_AFTER', days: 5 } };
    const created = await post([
      { name: 'task', value: JSON.stringify(task) },
      { name: 'file', fileName: '批示.pdf', content: PDF },
    ]);
    expect(created.status).toBe(201);
    expect(created.body.attachments).toEqual([expect.objectContaining({ fileName: '批示.pdf', size: PDF.length })]);
    const detail = await w.call('GET', `/api/tasks/${created.body.id}`, 'officer1');
    expect(detail.body.task).toMatchObject({ title: '带附件交办', kind: 'AD_HOC' });
    expect(detail.body.history.map((e: Json) => e.type)).toEqual(['task.created', 'attachment.added']);

    const objects = w.stored().objects.length;
    const tasks = (await w.t.db.sql(`SELECT count(*)::int n FROM task`))[0].n;
    // The same validation as JSON; an officer cannot assign upward; the file comes after the task.
    expect((await post([{ name: 'task', value: JSON.stringify({ ...task, title: '' }) }, { name: 'file', fileName: 'a.pdf', content: PDF }])).body.code).toBe('VALIDATION_FAILED');
    expect((await post([{ name: 'task', value: JSON.stringify({ ...task, postId: w.post.deputy }) }, { name: 'file', fileName: 'a.pdf', content: PDF }], 'officer1')).status).toBe(403);
    expect((await post([{ name: 'file', fileName: 'a.pdf', content: PDF }, { name: 'task', value: JSON.stringify(task) }])).body.code).toBe('TASK_ATTACHMENT_INVALID');
    expect((await post([{ name: 'task', value: '{' }])).body.code).toBe('TASK_ATTACHMENT_INVALID');
    expect((await w.t.db.sql(`SELECT count(*)::int n FROM task`))[0].n).toBe(tasks);
    expect(w.stored()).toEqual({ objects: expect.any(Array), staging: [] });
    expect(w.stored().objects.length).toBe(objects);
    // JSON still works as before.
    expect((await w.call('POST', '/api/tasks', 'chief', task)).status).toBe(201);
    expect((await w.call('POST', '/api/tasks', 'chief', { ...task, extra: 1 })).body.code).toBe('VALIDATION_FAILED');
  });

  it('a task and the file sent with it land together: if recording the file fails, there is no task and no stored file', async () => {
    // Fault injection in the real database: recording any attachment fails.
    await w.t.db.sql(`CREATE FUNCTION refuse_attachment() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected'; END $$`);
    await w.t.db.sql(`CREATE TRIGGER refuse_attachment BEFORE INSERT ON task_attachment FOR EACH ROW EXECUTE FUNCTION refuse_attachment()`);
    try {
      const objects = w.stored().objects.length;
      const { payload, headers } = multipartBody([
        { name: 'task', value: JSON.stringify({ postId: w.post['officer-1'], title: '附件写入失败', dueDate: '2026-12-18' }) },
        { name: 'file', fileName: '批示.pdf', content: PDF },
      ]);
      const res = await w.t.app.inject({ method: 'POST', url: '/api/tasks', headers: { ...w.as.chief, ...headers }, payload });
      expect(res.statusCode).toBe(500);
      expect(await w.t.db.sql(`SELECT id FROM task WHERE title = '附件写入失败'`)).toEqual([]);
      expect(w.stored()).toEqual({ objects: expect.any(Array), staging: [] });
      expect(w.stored().objects.length).toBe(objects);
    } finally {
      await w.t.db.sql(`DROP TRIGGER refuse_attachment ON task_attachment`);
      await w.t.db.sql(`DROP FUNCTION refuse_attachment()`);
    }
  });

  it('refuses executables and empty files with the evidence codes, and closed tasks; nothing is left behind', async () => {
    const id = await newTask('附件类型');
    const before = w.stored().objects.length;
    const exe = await attach(id, 'chief', [{ name: 'file', fileName: '纪要.pdf', content: Buffer.concat([Buffer.from('MZ'), randomBytes(1000)]) }]);
    expect(exe).toMatchObject({ status: 422, body: { code: 'EVIDENCE_TYPE_NOT_ALLOWED' } });
    expect((await attach(id, 'chief', [{ name: 'file', fileName: 'empty.pdf', content: Buffer.alloc(0) }])).body.code).toBe('EVIDENCE_FILE_EMPTY');
    expect((await attach(id, 'chief', [{ name: 'note', value: 'x' }])).body.code).toBe('TASK_ATTACHMENT_INVALID');

    expect((await w.call('POST', `/api/tasks/${id}/cancel`, 'chief', { reason: '重复交办' })).status).toBe(200);
    expect((await attach(id, 'chief', [{ name: 'file', fileName: 'late.pdf', content: PDF }])).body.code).toBe('TASK_ATTACHMENT_CLOSED');
    expect(w.stored()).toEqual({ objects: expect.any(Array), staging: [] });
    expect(w.stored().objects.length).toBe(before);
  });
});
