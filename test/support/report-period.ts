import { SweepService } from '#libs/escalation';
import { OrgService } from '#libs/org';
import { RoutingService } from '#libs/tasks';
import type { AuthHeaders, TestApi } from './test-app.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** `call(method, url, who, payload)` as the logged-in user `who`; non-JSON bodies come back in `raw`. */
export const caller = (t: TestApi, as: Record<string, AuthHeaders>) => async (method: 'GET' | 'POST', url: string, who: string, payload?: object) => {
  const res = await t.app.inject({ method, url, headers: as[who], payload });
  const json = (res.headers['content-type'] ?? '').toString().startsWith('application/json');
  return { status: res.statusCode, headers: res.headers, raw: res.rawPayload, body: json ? (res.json() as Json) : ({} as Json) };
};

export type Call = ReturnType<typeof caller>;

/**
 * The middle of the reports' hand-built period, from Thursday 11-26 with the tasks assigned:
 * a sweep; officer2 asks for task `extendedTaskId` to be extended to 11-27 and the deputy grants it;
 * on Friday 11-27 officer-3 passes from 陈静 to 赵鹏 (`newHolderPersonId`) and its open tasks follow
 * the new holder; then Wednesday 12-02, 10:00, another sweep.
 */
export async function extendThenHandOverOfficer3(t: TestApi, call: Call, p: { extendedTaskId: string; officer3PostId: string; newHolderPersonId: string }) {
  const sweeper = t.app.get(SweepService);
  await sweeper.sweep();
  const ext = await call('POST', `/api/tasks/${p.extendedTaskId}/extension-requests`, 'officer2', { reason: '等待外单位意见', newDueDate: '2026-11-27' });
  expect((await call('POST', `/api/extension-requests/${ext.body.id}/approve`, 'deputy', {})).status).toBe(200);
  t.clock.set('2026-11-27T02:00:00.000Z');
  await t.app.get(OrgService).assignPost(p.officer3PostId, p.newHolderPersonId, '2026-11-27');
  await t.app.get(RoutingService).reroute([p.officer3PostId], '岗位调整', null);
  t.clock.set('2026-12-02T02:00:00.000Z');
  await sweeper.sweep();
}
