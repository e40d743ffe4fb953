import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApi, loginAs, type AuthHeaders, type TestApi, type TestApiOptions } from '../support/test-app.js';

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export type FormPart = { name: string; value: string } | { name: string; fileName: string; content: Buffer; type?: string };

/** A multipart/form-data body as a browser sends it (UTF-8 file names, raw bytes). */
export function multipartBody(parts: FormPart[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----dtEvidence${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n`));
    if ('value' in part) {
      chunks.push(Buffer.from(`Content-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`));
    } else {
      chunks.push(
        Buffer.from(
          `Content-Disposition: form-data; name="${part.name}"; filename="${part.fileName}"\r\nContent-Type: ${part.type ?? 'application/octet-stream'}\r\n\r\n`,
        ),
        part.content,
        Buffer.from('\r\n'),
      );
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n'), Buffer.from('trailer\n<< /Root 1 0 R >>\nstartxref\n9\n%%EOF\n')]);

/** A test API with its own evidence directory (removed on close) and the demo people logged in. */
export interface EvidenceWorld {
  t: TestApi;
  dir: string;
  as: Record<string, AuthHeaders>;
  post: Record<string, string>;
  close(): Promise<void>;
  call(method: 'GET' | 'POST', url: string, who: string, payload?: object): Promise<{ status: number; body: Json; headers: Record<string, unknown>; raw: Buffer }>;
  upload(taskId: string, who: string, parts: FormPart[]): Promise<{ status: number; body: Json }>;
  /** 交办 by the chief to officer-1, then 签收 and start by officer1: ready for evidence. */
  taskInProgress(title: string, extra?: Json): Promise<string>;
  /** Files under the evidence directory: committed objects and leftovers in staging. */
  stored(): { objects: string[]; staging: string[] };
  /** Logs everyone in again (after moving the clock past the token lifetime). */
  relogin(): Promise<void>;
}

const USERS = ['admin', 'chief', 'deputy', 'officer1', 'officer2', 'officer3'];

export async function evidenceWorld(options: TestApiOptions = {}): Promise<EvidenceWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'dt-evidence-'));
  const t = await createTestApi({ ...options, env: { EVIDENCE_DIR: dir, ...options.env } });
  const as: Record<string, AuthHeaders> = {};
  const relogin = async () => {
    for (const u of USERS) as[u] = await loginAs(t, u);
  };
  await relogin();
  const post: Record<string, string> = {};
  for (const r of await t.db.sql('SELECT id, code FROM post')) post[r.code] = r.id;

  const call: EvidenceWorld['call'] = async (method, url, who, payload) => {
    const res = await t.app.inject({ method, url, headers: as[who], payload });
    const json = (res.headers['content-type'] ?? '').toString().startsWith('application/json');
    return { status: res.statusCode, body: json && res.body ? (res.json() as Json) : {}, headers: res.headers, raw: res.rawPayload };
  };

  return {
    t,
    dir,
    as,
    post,
    call,
    relogin,
    close: async () => {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    },
    upload: async (taskId, who, parts) => {
      const { payload, headers } = multipartBody(parts);
      const res = await t.app.inject({ method: 'POST', url: `/api/tasks/${taskId}/evidence`, headers: { ...as[who], ...headers }, payload });
      return { status: res.statusCode, body: res.json() as Json };
    },
    taskInProgress: async (title, extra = {}) => {
      const created = await call('POST', '/api/tasks', 'chief', { postId: post['officer-1'], title, dueDate: '2026-12-18', ...extra });
      if (created.status !== 201) throw new Error(`create task: ${created.status} ${JSON.stringify(created.body)}`);
      for (const action of ['accept', 'start']) {
        const res = await call('POST', `/api/tasks/${created.body.id}/${action}`, 'officer1');
        if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
      }
      return created.body.id as string;
    },
    stored: () => ({
      objects: listFiles(join(dir, 'objects')),
      staging: listFiles(join(dir, 'tmp')),
    }),
  };
}

function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name));
  } catch {
    return [];
  }
}
