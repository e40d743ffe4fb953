import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { keyFingerprint, parseEd25519PublicKey } from '#libs/core';
import { eventHash, HistorySealService, HistoryVerifyService, type ChainedFields } from '#libs/history';
import { TEST_SEAL_KEY, TEST_SEAL_PUBLIC_KEY } from '../support/test-app.js';
import { runCli } from '../support/run-cli.js';
import { evidenceWorld, PDF, type EvidenceWorld, type Json } from './evidence-support.js';

/**
 * The compiled CLI against the test database, as the operator (with the seal key) unless `env`
 * says otherwise (an auditor holding only the public key).
 */
const cli = (url: string, args: string[], env: Record<string, string> = { HISTORY_SEAL_KEY: TEST_SEAL_KEY }) => runCli({ DATABASE_URL: url, ...env }, args);

/** A stored row (snake_case, as the database gives it) as the fields the public hash rule covers. */
function fieldsOf(row: Json): ChainedFields {
  return {
    stream: row.stream,
    seq: row.seq,
    at: row.at,
    type: row.type,
    actorUserId: row.actor_user_id,
    actorPersonId: row.actor_person_id,
    actingForPostId: row.acting_for_post_id,
    subjectId: row.subject_id,
    data: row.data,
    prevHash: row.prev_hash,
  };
}

interface Row {
  id: string;
  stream: string;
  seq: number;
  type: string;
  data: unknown;
}

describe('tamper-evident history (履职留痕)', () => {
  let w: EvidenceWorld;
  let taskId: string;
  let stream: string;

  beforeAll(async () => {
    w = await evidenceWorld();
    taskId = await w.taskInProgress('规划条件核实');
    stream = `task:${taskId}`;
    await w.upload(taskId, 'officer1', [{ name: 'file', fileName: '核实报告.pdf', content: PDF }]);
    await w.call('POST', `/api/tasks/${taskId}/evidence`, 'officer1', { kind: 'NOTE', text: '现场核实无误' });
  });
  afterAll(() => w.close());

  const verify = () => w.t.app.get(HistoryVerifyService).verify({ batchSize: 7 }); // small pages: exercise keyset paging
  const event = async (seq: number) => (await w.t.db.sql<Row>(`SELECT id::text, stream, seq, type, data FROM history_event WHERE stream = $1 AND seq = $2`, [stream, seq]))[0]!;
  const lastSeq = async () => (await w.t.db.sql<{ n: number }>(`SELECT max(seq) n FROM history_event WHERE stream = $1`, [stream]))[0]!.n;
  /** As the superuser with triggers off for one transaction: what an attacker with database access could do. */
  const asAttacker = (sql: string) => w.t.db.sql(`BEGIN; SET LOCAL session_replication_role = replica; ${sql}; COMMIT;`);
  const literal = (value: unknown) => `'${JSON.stringify(value).replace(/'/g, "''")}'`;

  it('the database refuses UPDATE, DELETE and TRUNCATE of history rows', async () => {
    await expect(w.t.db.sql(`UPDATE history_event SET type = 'x' WHERE stream = $1`, [stream])).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(w.t.db.sql(`DELETE FROM history_event WHERE stream = $1`, [stream])).rejects.toThrow(/append-only: DELETE refused/);
    await expect(w.t.db.sql(`TRUNCATE history_event`)).rejects.toThrow(/append-only: TRUNCATE refused/);
    expect(await lastSeq()).toBe(5);
  });

  it('verifies an intact history; only administrators may ask over HTTP', async () => {
    const res = await w.call('GET', '/api/audit/verify', 'admin');
    expect(res).toMatchObject({ status: 200, body: { ok: true, problemCount: 0, firstProblem: null, seals: { count: 0 } } });
    expect(res.body.events).toBeGreaterThan(10);
    expect(await w.call('GET', '/api/audit/verify', 'chief')).toMatchObject({ status: 403, body: { code: 'ADMIN_REQUIRED' } });
    expect(await w.call('POST', '/api/audit/seal', 'deputy')).toMatchObject({ status: 403, body: { code: 'ADMIN_REQUIRED' } });
    expect(await w.call('GET', '/api/audit/verify?since=yesterday', 'admin')).toMatchObject({ status: 400, body: { code: 'HISTORY_SINCE_INVALID' } });
  });

  it('a row altered behind the trigger is found with its stream, seq and id', async () => {
    const row = await event(2);
    await asAttacker(`UPDATE history_event SET data = ${literal({ ...(row.data as Json), from: 'IN_PROGRESS' })}::jsonb WHERE id = ${row.id}`);
    const report = await verify();
    expect(report).toMatchObject({ ok: false, problemCount: 1, firstProblem: { kind: 'HASH_MISMATCH', stream, seq: 2, id: row.id } });
    expect(report.firstProblem!.message).toContain('改动');

    const api = await w.call('GET', '/api/audit/verify', 'admin');
    expect(api.body.firstProblem).toMatchObject({ kind: 'HASH_MISMATCH', stream, seq: 2, id: row.id });

    await asAttacker(`UPDATE history_event SET data = ${literal(row.data)}::jsonb WHERE id = ${row.id}`);
    expect((await verify()).ok).toBe(true);
  });

  it('a row rewritten with a recomputed hash breaks the link of the next event', async () => {
    const [row] = await w.t.db.sql(`SELECT * FROM history_event WHERE stream = $1 AND seq = 3`, [stream]);
    const forged: Json = { ...row, data: { ...row!.data, note: '补记' } };
    const hash = eventHash({
      stream: forged.stream,
      seq: forged.seq,
      at: forged.at,
      type: forged.type,
      actorUserId: forged.actor_user_id,
      actorPersonId: forged.actor_person_id,
      actingForPostId: forged.acting_for_post_id,
      subjectId: forged.subject_id,
      data: forged.data,
      prevHash: forged.prev_hash,
    });
    await asAttacker(`UPDATE history_event SET data = ${literal(forged.data)}::jsonb, hash = '${hash}' WHERE id = ${row!.id}`);
    expect((await verify()).firstProblem).toMatchObject({ kind: 'BROKEN_LINK', stream, seq: 4 });
    await asAttacker(`UPDATE history_event SET data = ${literal(row!.data)}::jsonb, hash = '${row!.hash}' WHERE id = ${row!.id}`);
  });

  it('deleting the last event of a stream breaks no link, but a seal catches it', async () => {
    const last = await lastSeq();
    const [row] = await w.t.db.sql(`SELECT * FROM history_event WHERE stream = $1 AND seq = $2`, [stream, last]);
    const remove = () => asAttacker(`DELETE FROM history_event WHERE id = ${row!.id}`);
    const restore = () =>
      w.t.db.sql(
        `INSERT INTO history_event (id, stream, seq, at, type, actor_user_id, actor_person_id, acting_for_post_id, subject_id, data, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [row!.id, row!.stream, row!.seq, row!.at, row!.type, row!.actor_user_id, row!.actor_person_id, row!.acting_for_post_id, row!.subject_id, row!.data, row!.prev_hash, row!.hash],
      );

    // Without a seal the chain alone cannot tell.
    await remove();
    expect((await verify()).ok).toBe(true);
    await restore();

    const sealed = await w.call('POST', '/api/audit/seal', 'admin');
    expect(sealed).toMatchObject({ status: 200, body: { sealed: true, seals: 1, lastSealSeq: 1 } });
    expect(sealed.body.streams).toBeGreaterThan(3);
    const [seal] = await w.t.db.sql(`SELECT type, data FROM history_event WHERE stream = 'seal' AND seq = 1`);
    expect(seal).toMatchObject({ type: 'history.sealed' });
    expect(seal!.data.heads).toContainEqual([stream, last, row!.hash]);

    await remove();
    const report = await verify();
    expect(report).toMatchObject({ ok: false, problemCount: 1, firstProblem: { kind: 'SEALED_EVENT_MISSING', stream, seq: last, id: null } });
    expect(report.firstProblem!.message).toContain(`现止于第 ${last - 1} 条`);
    await restore();
    expect(await verify()).toMatchObject({ ok: true, seals: { count: 1 } });
  });

  it('a seal covers only what changed since the last one; concurrent sealers write one seal', async () => {
    const seals = w.t.app.get(HistorySealService);
    expect(await seals.seal()).toMatchObject({ sealed: false, seals: 0 });
    await w.call('POST', `/api/tasks/${taskId}/evidence`, 'officer1', { kind: 'LINK', url: 'https://zrzy.example.gov.cn/hs/1.html' });
    const results = await Promise.all([seals.seal(), seals.seal()]);
    expect(results.map((r) => r.sealed).sort()).toEqual([false, true]);
    const [latest] = await w.t.db.sql(`SELECT seq, data FROM history_event WHERE stream = 'seal' ORDER BY seq DESC LIMIT 1`);
    expect(latest!.seq).toBe(2);
    // Only the streams written since seal 1: the task, and the security stream (logins).
    expect(latest!.data.heads.map((h: [string, number, string]) => h[0])).toContain(stream);
    expect(latest!.data.previousThroughId).not.toBe('0');
  });

  it('the CLI exits 0 when intact and non-zero on tampering, naming stream and seq', async () => {
    const intact = await cli(w.t.db.url, ['verify-history']);
    expect(intact).toMatchObject({ code: 0, stdout: expect.stringContaining('留痕核验通过') });

    const row = await event(2);
    await asAttacker(`UPDATE history_event SET at = at + interval '1 day' WHERE id = ${row.id}`);
    const tampered = await cli(w.t.db.url, ['verify-history']);
    expect(tampered.code).toBe(3);
    expect(tampered.stderr).toContain(`[HASH_MISMATCH] 流 ${stream} 第 2 条（id ${row.id}）`);

    const json = await cli(w.t.db.url, ['verify-history', '--since', '2026-11-26', '--json']);
    expect(json.code).toBe(3);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, since: '2026-11-25T16:00:00.000Z', firstProblem: { stream, seq: 2, id: row.id } });

    // Sealing a tampered history would vouch for it: --seal refuses to.
    const before = await w.t.db.sql(`SELECT count(*)::int n FROM history_event WHERE stream = 'seal'`);
    expect((await cli(w.t.db.url, ['verify-history', '--seal'])).code).toBe(3);
    expect(await w.t.db.sql(`SELECT count(*)::int n FROM history_event WHERE stream = 'seal'`)).toEqual(before);

    await asAttacker(`UPDATE history_event SET at = at - interval '1 day' WHERE id = ${row.id}`);
    expect((await w.call('POST', `/api/tasks/${taskId}/evidence`, 'officer1', { kind: 'NOTE', text: '复核后补充' })).status).toBe(201);
    const resealed = await cli(w.t.db.url, ['verify-history', '--seal']);
    expect(resealed).toMatchObject({ code: 0, stdout: expect.stringContaining('已封存') });
  }, 120_000); // five CLI processes, each booting the application

  it('--since checks recent events only, still linking the first of each stream to the one before', async () => {
    w.t.clock.set('2026-12-02T02:00:00.000Z');
    await w.relogin();
    await w.call('POST', `/api/tasks/${taskId}/evidence`, 'officer1', { kind: 'NOTE', text: '十二月补充说明' });
    const old = await event(2);
    await asAttacker(`UPDATE history_event SET type = 'task.forged' WHERE id = ${old.id}`);

    const recent = await w.t.app.get(HistoryVerifyService).verify({ since: new Date('2026-12-01T16:00:00.000Z') });
    expect(recent.ok).toBe(true);
    expect(recent.events).toBeLessThan(20);
    expect(recent.streams).toBeGreaterThanOrEqual(1);
    expect((await verify()).firstProblem).toMatchObject({ kind: 'HASH_MISMATCH', stream, seq: 2 });
    await asAttacker(`UPDATE history_event SET type = '${old.type}' WHERE id = ${old.id}`);
    expect((await verify()).ok).toBe(true);
  });

  it('seals are signed: a forged event with a re-hashed seal, or an unsigned seal, fails verification (exit 3)', async () => {
    await w.call('POST', `/api/tasks/${taskId}/evidence`, 'officer1', { kind: 'NOTE', text: '签名封存前补充' });
    expect(await w.t.app.get(HistorySealService).seal()).toMatchObject({ sealed: true });
    const [seal] = await w.t.db.sql(`SELECT * FROM history_event WHERE stream = 'seal' ORDER BY seq DESC LIMIT 1`);
    const fingerprint = keyFingerprint(parseEd25519PublicKey(TEST_SEAL_PUBLIC_KEY)!);
    expect(seal!.data.signature).toMatchObject({ alg: 'Ed25519', key: fingerprint });
    const auditor = { HISTORY_SEAL_PUBLIC_KEY: TEST_SEAL_PUBLIC_KEY };
    const intact = await cli(w.t.db.url, ['verify-history'], auditor);
    expect(intact).toMatchObject({ code: 0, stdout: expect.stringContaining(`指纹 ${fingerprint}`) });
    expect(intact.stdout).toContain('-----BEGIN PUBLIC KEY-----');

    // The owner (no trigger stops an INSERT) appends a forged event computed with the public hash rule…
    const last = await lastSeq();
    const [head] = await w.t.db.sql(`SELECT * FROM history_event WHERE stream = $1 AND seq = $2`, [stream, last]);
    const forged: ChainedFields = { ...fieldsOf(head!), seq: last + 1, at: new Date(head!.at.getTime() + 1000), type: 'task.approved', data: { note: '补记' }, prevHash: head!.hash };
    const forgedHash = eventHash(forged);
    const [{ id: forgedId }] = (await w.t.db.sql(
      `INSERT INTO history_event (stream, seq, at, type, actor_user_id, actor_person_id, acting_for_post_id, subject_id, data, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id::text`,
      [forged.stream, forged.seq, forged.at, forged.type, forged.actorUserId, forged.actorPersonId, forged.actingForPostId, forged.subjectId, forged.data, forged.prevHash, forgedHash],
    )) as [{ id: string }];
    // …and re-hashes the last seal so that it seals the forgery: every hash and link checks again.
    const heads = (seal!.data.heads as [string, number, string][]).map((h) => (h[0] === stream ? [stream, last + 1, forgedHash] : h));
    const reSealed = { ...seal!.data, heads };
    await asAttacker(`UPDATE history_event SET data = ${literal(reSealed)}::jsonb, hash = '${eventHash({ ...fieldsOf(seal!), data: reSealed })}' WHERE id = ${seal!.id}`);
    const report = await verify();
    expect(report).toMatchObject({ ok: false, problemCount: 1, firstProblem: { kind: 'SEAL_SIGNATURE_INVALID', stream: 'seal', seq: seal!.seq, id: String(seal!.id) } });
    const tampered = await cli(w.t.db.url, ['verify-history'], auditor);
    expect(tampered.code).toBe(3);
    expect(tampered.stderr).toContain(`[SEAL_SIGNATURE_INVALID] 流 seal 第 ${seal!.seq} 条`);

    // Dropping the signature does not help once seals are signed.
    const { signature: _signature, ...unsigned } = reSealed;
    await asAttacker(`UPDATE history_event SET data = ${literal(unsigned)}::jsonb, hash = '${eventHash({ ...fieldsOf(seal!), data: unsigned })}' WHERE id = ${seal!.id}`);
    expect((await verify()).firstProblem).toMatchObject({ kind: 'SEAL_UNSIGNED', stream: 'seal', seq: seal!.seq });

    await asAttacker(`UPDATE history_event SET data = ${literal(seal!.data)}::jsonb, hash = '${seal!.hash}' WHERE id = ${seal!.id}; DELETE FROM history_event WHERE id = ${forgedId}`);
    expect(await verify()).toMatchObject({ ok: true, seals: { unsigned: 0, publicKey: { fingerprint } } });
  }, 60_000);

  it('seals from before signing are counted as unsigned, not as tampering', async () => {
    const seals = await w.t.db.sql(`SELECT * FROM history_event WHERE stream = 'seal' ORDER BY seq`);
    // Rewrite the whole seal stream as it was before signing (each seal re-linked to the one before).
    let prevHash = '0'.repeat(64);
    for (const s of seals) {
      const { signature: _signature, ...data } = s.data;
      const hash = eventHash({ ...fieldsOf(s), data, prevHash });
      await asAttacker(`UPDATE history_event SET data = ${literal(data)}::jsonb, prev_hash = '${prevHash}', hash = '${hash}' WHERE id = ${s.id}`);
      prevHash = hash;
    }
    const report = await verify();
    expect(report).toMatchObject({ ok: true, seals: { count: seals.length, signed: 0, unsigned: seals.length } });
    expect((await cli(w.t.db.url, ['verify-history'])).stdout).toContain(`${seals.length} 个封存记录早于签名启用`);
    for (const s of seals) await asAttacker(`UPDATE history_event SET data = ${literal(s.data)}::jsonb, prev_hash = '${s.prev_hash}', hash = '${s.hash}' WHERE id = ${s.id}`);
    expect(await verify()).toMatchObject({ ok: true, seals: { signed: seals.length, unsigned: 0 } });
  }, 60_000);

  it('exports a bundle whose manifest.sha256 the real sha256sum -c accepts, covering every other file', async () => {
    const res = await w.call('GET', `/api/tasks/${taskId}/evidence-bundle`, 'deputy');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[^"]*\.zip"; filename\*=UTF-8''%E5%B1%A5%E8%81%8C%E6%9D%90%E6%96%99-/);

    const dir = mkdtempSync(join(tmpdir(), 'dt-bundle-'));
    try {
      writeFileSync(join(dir, 'bundle.zip'), res.raw);
      const out = join(dir, 'out');
      const unzip = spawnSync('unzip', ['-q', join(dir, 'bundle.zip'), '-d', out], { encoding: 'utf8' });
      expect(unzip.status).toBe(0);
      const check = spawnSync('sha256sum', ['-c', 'manifest.sha256'], { cwd: out, encoding: 'utf8' });
      expect(check.stderr).toBe('');
      expect(check.status).toBe(0);

      const files = readdirSync(out, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => relative(out, join(e.parentPath, e.name)))
        .sort();
      const listed = readFileSync(join(out, 'manifest.sha256'), 'utf8').trim().split('\n').map((l) => l.split('  ')[1]).sort();
      expect(listed).toEqual(files.filter((f) => f !== 'manifest.sha256'));
      expect(listed).toEqual(expect.arrayContaining(['task.json', 'history.json', expect.stringMatching(/^files\/[0-9a-f-]{36}\.pdf$/)]));
      expect(check.stdout.trim().split('\n').every((l) => l.endsWith(': OK'))).toBe(true);

      const task = JSON.parse(readFileSync(join(out, 'task.json'), 'utf8'));
      const pdf = task.evidence.find((e: Json) => e.kind === 'FILE');
      expect(readFileSync(join(out, pdf.bundlePath))).toEqual(PDF);
      expect(task.task).toMatchObject({ id: taskId, title: '规划条件核实' });

      // history.json is re-verifiable by the recipient: every hash recomputes and links.
      const history = JSON.parse(readFileSync(join(out, 'history.json'), 'utf8'));
      let prev = '0'.repeat(64);
      for (const e of history.events) {
        expect(e.prevHash).toBe(prev);
        expect(eventHash({ ...e, at: new Date(e.at) })).toBe(e.hash);
        prev = e.hash;
      }
      expect(history.events.some((e: Json) => e.type === 'evidence.added' && e.data.file?.sha256 === pdf.sha256)).toBe(true);

      // A changed file no longer checks.
      writeFileSync(join(out, pdf.bundlePath), Buffer.concat([PDF, Buffer.from('x')]));
      expect(spawnSync('sha256sum', ['-c', '--quiet', 'manifest.sha256'], { cwd: out }).status).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect((await w.call('GET', `/api/tasks/${taskId}/evidence-bundle`, 'officer3')).status).toBe(404);
  });
});
