import { useState } from 'react';
import { api, unwrap, type Schemas } from '../api/client';
import { navigate } from '../router';
import { Empty, ErrorBox, Loading, PageHeader } from '../ui/feedback';
import { formatDateTime } from '../ui/format';
import { LevelBadge, levelBar } from '../ui/level';
import { useAction, useApi } from '../ui/use-api';
import { CalendarFeedCard } from './calendar-feed-card';

type Notification = Schemas['NotificationDto'];

/** 通知: unread first; escalations can be acknowledged (已阅) here; the personal ICS feed link. */
export function NotificationsPage() {
  const list = useApi(() => unwrap(api.GET('/api/notifications', { params: { query: { page: 1, pageSize: 50 } } })), []);
  const readAll = useAction(async () => {
    await unwrap(api.POST('/api/notifications/read-all'));
    list.reload();
  });
  const data = list.data;
  return (
    <section>
      <PageHeader title="通知">
        {data && <span className="muted">未读 {data.unread} / 共 {data.total}</span>}
        {data && data.unread > 0 && (
          <button type="button" disabled={readAll.busy} onClick={() => void readAll.run()}>
            全部标为已读
          </button>
        )}
      </PageHeader>
      <ErrorBox error={list.error ?? readAll.error} onRetry={list.reload} />
      {!data && list.loading && <Loading />}
      {data && data.items.length === 0 && <Empty>暂无通知。</Empty>}
      {data && data.items.length > 0 && (
        <ul className="task-list">
          {data.items.map((n) => (
            <NotificationRow key={n.id} item={n} onChanged={list.reload} />
          ))}
        </ul>
      )}
      <CalendarFeedCard />
    </section>
  );
}

function NotificationRow({ item, onChanged }: { item: Notification; onChanged: () => void }) {
  // The API says whether the escalation was acknowledged (by anyone), so a reload never offers it again.
  const [acknowledgedAt, setAcknowledgedAt] = useState<string | null>(item.escalation?.acknowledgedAt ?? null);
  const open = useAction(async () => {
    if (!item.readAt) await unwrap(api.POST('/api/notifications/{id}/read', { params: { path: { id: item.id } } }));
    if (item.taskId) navigate(`/tasks/${item.taskId}`);
    else onChanged();
  });
  const ack = useAction(async () => {
    const result = await unwrap(api.POST('/api/escalations/{id}/ack', { params: { path: { id: item.escalation!.id } } }));
    if (!item.readAt) await unwrap(api.POST('/api/notifications/{id}/read', { params: { path: { id: item.id } } }));
    setAcknowledgedAt((result as { acknowledgedAt?: string } | undefined)?.acknowledgedAt ?? new Date().toISOString());
    onChanged();
  });
  const shownAt = item.escalation?.acknowledgedAt ?? acknowledgedAt;
  return (
    <li className={`task-row ${levelBar(item.level)} ${item.readAt ? 'read' : 'unread'}`} data-escalation-id={item.escalation?.id}>
      <div className="task-main">
        <button type="button" className="link-button task-title notification-title" onClick={() => void open.run()}>
          {!item.readAt && <span className="dot" aria-label="未读" />}
          {item.title}
        </button>
        <div className="muted notification-body">{item.body}</div>
        <ErrorBox error={open.error ?? ack.error} />
      </div>
      <div className="task-side">
        <span className="muted">{formatDateTime(item.createdAt)}</span>
        <LevelBadge level={item.level} />
        {item.escalation &&
          (shownAt ? (
            <span className="muted acknowledged" title={item.escalation.acknowledgedByMe ? '本人已确认' : '已由他人确认'}>
              已确认 {formatDateTime(shownAt)}
              {item.escalation.acknowledgedAt && !item.escalation.acknowledgedByMe && '（他人）'}
            </span>
          ) : (
            <button type="button" className="small" disabled={ack.busy} onClick={() => void ack.run()}>
              确认已阅
            </button>
          ))}
      </div>
    </li>
  );
}
