import { formatDateTime } from '../../ui/format';
import { LEVEL_NAMES } from '../../ui/level';
import type { HistoryEvent } from './task-types';

/** The one line of an event's data a reader wants (reason, note, file, new date, level). */
function summary(event: HistoryEvent): string {
  const d = event.data as Record<string, unknown>;
  const parts: string[] = [];
  if (typeof d.level === 'number') parts.push(LEVEL_NAMES[d.level] ?? `L${d.level}`);
  for (const key of ['reason', 'note', 'fileName', 'description', 'explanation']) {
    if (typeof d[key] === 'string' && d[key]) parts.push(d[key] as string);
  }
  if (typeof d.newDueDate === 'string') parts.push(`新期限 ${d.newDueDate}`);
  if (typeof d.dueDate === 'string' && event.type === 'task.created') parts.push(`期限 ${d.dueDate}`);
  return parts.join(' · ');
}

/** 履职留痕: the task's hash-chained history, oldest first; the API names each event and who acted. */
export function HistoryTimeline({ events }: { events: HistoryEvent[] }) {
  if (events.length === 0) return <p className="muted">暂无记录。</p>;
  return (
    <ol className="timeline">
      {events.map((e) => (
        <li key={e.seq}>
          <span className="timeline-time">{formatDateTime(e.at)}</span>
          <span className="timeline-what">
            <strong>{e.label}</strong>
            <span className="timeline-actor"> {e.actorName}</span>
            {summary(e) && <span className="muted"> · {summary(e)}</span>}
            {e.actingForPostId && <span className="badge">代办</span>}
          </span>
        </li>
      ))}
    </ol>
  );
}
