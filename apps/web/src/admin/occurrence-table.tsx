import { DataTable } from '../ui/data-table';
import { Empty } from '../ui/feedback';
import type { SchedulePreview } from './admin-api';
import { dateWithWeekday } from './dates';

/** The next occurrences of a schedule: when each is issued and due; guesses over an unloaded year are marked. */
export function OccurrenceTable({ occurrences }: { occurrences: SchedulePreview['occurrences'] }) {
  if (occurrences.length === 0) return <Empty>今后没有需要下达的任务（已结束或次数已满）。</Empty>;
  return (
    <>
      <DataTable className="occurrences" columns={['周期日', '下达', '截止']}>
        {occurrences.map((o) => (
          <tr key={o.occurrenceDate}>
            <td>
              {dateWithWeekday(o.occurrenceDate)}
              <span className="muted hide-phone"> · {o.occurrenceDate.slice(0, 4)}</span>
            </td>
            <td>{dateWithWeekday(o.issueDate)}</td>
            <td>
              {dateWithWeekday(o.dueDate)}
              {o.provisional && (
                <span className="badge provisional-badge" title="该年节假日安排尚未载入，按周一至周五推算">
                  临时
                </span>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
      {occurrences.some((o) => o.provisional) && (
        <p className="muted provisional-note">“临时”：该年节假日安排尚未载入，期限暂按周一至周五推算，载入后自动重算。</p>
      )}
    </>
  );
}
