import { useState } from 'react';
import { api, ApiError, unwrap, type Schemas } from '../api/client';
import { ErrorBox } from '../ui/feedback';
import { formatDateTime } from '../ui/format';
import { useAction, useApi } from '../ui/use-api';

type NewToken = Schemas['NewFeedTokenDto'];

/**
 * 日历订阅: a personal ICS link of my deadlines for a phone or Outlook. The link is shown once when
 * made; older links can be revoked. Hidden when the server has no feed (404).
 */
export function CalendarFeedCard() {
  const tokens = useApi(() => unwrap(api.GET('/api/calendar/feed-tokens')), []);
  const [created, setCreated] = useState<NewToken | null>(null);
  const create = useAction(async () => {
    setCreated(await unwrap(api.POST('/api/calendar/feed-tokens')));
    tokens.reload();
  });
  const revoke = useAction(async (id: string) => {
    await unwrap(api.DELETE('/api/calendar/feed-tokens/{id}', { params: { path: { id } } }));
    if (created?.id === id) setCreated(null);
    tokens.reload();
  });
  if (tokens.error instanceof ApiError && tokens.error.status === 404) return null;
  const active = (tokens.data ?? []).filter((t) => t.active);
  return (
    <div className="card feed-card">
      <h2>日历订阅</h2>
      <p className="muted">在手机日历或 Outlook 中订阅自己的任务期限，期限变化会自动同步。</p>
      <ErrorBox error={tokens.error ?? create.error ?? revoke.error} onRetry={tokens.reload} />
      {created && (
        <div className="notice">
          <p>订阅链接（仅显示这一次，请妥善保存）：</p>
          <input className="feed-url" readOnly value={created.url} onFocus={(e) => e.target.select()} aria-label="订阅链接" />
          <p>
            <a href={created.webcalUrl}>在日历应用中打开</a>
          </p>
        </div>
      )}
      {active.length > 0 && (
        <ul className="plain-list">
          {active.map((t) => (
            <li key={t.id}>
              创建于 {formatDateTime(t.createdAt)} · {t.lastUsedAt ? `最近使用 ${formatDateTime(t.lastUsedAt)}` : '尚未使用'}{' '}
              <button type="button" className="small danger" disabled={revoke.busy} onClick={() => void revoke.run(t.id)}>
                停用
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" disabled={create.busy || !tokens.data} onClick={() => void create.run()}>
        生成订阅链接
      </button>
    </div>
  );
}
