import { api, unwrap, type Schemas } from '../api/client';
import { Link } from '../router';
import { Empty, ErrorBox, Loading, PageHeader } from '../ui/feedback';
import { LevelBadge, levelBar } from '../ui/level';
import { statusName } from '../ui/format';
import { useApi } from '../ui/use-api';

type Inbox = Schemas['InboxDto'];
type Item = Schemas['InboxItemDto'];
type Awaiting = Schemas['AwaitingItemDto']['awaiting'][number];
type Group = keyof Inbox['counts'];

const GROUPS: { key: Group; title: string; hint: string }[] = [
  { key: 'overdue', title: '已逾期', hint: '已超过期限，正在逐级催办' },
  { key: 'returned', title: '被退回', hint: '审核人已退回，请按意见修改后再报审' },
  { key: 'awaitingAcceptance', title: '待签收', hint: '新交办的任务，请先签收' },
  { key: 'dueToday', title: '今日到期', hint: '' },
  { key: 'dueThisWeek', title: '本周到期', hint: '' },
  { key: 'later', title: '以后到期', hint: '' },
];

function DaysLeft({ item }: { item: Item }) {
  if (item.overdueWorkdays > 0) return <span className="days overdue">逾期 {item.overdueWorkdays} 个工作日</span>;
  if (item.workdaysLeft === null) return <span className="days overdue">已到期</span>;
  if (item.workdaysLeft === 0) return <span className="days today">今日到期</span>;
  return <span className="days">剩 {item.workdaysLeft} 个工作日</span>;
}

function InboxRow({ item, awaiting }: { item: Item; awaiting?: Awaiting[] }) {
  return (
    <li className={`task-row ${levelBar(item.escalation?.level)}`}>
      <div className="task-main">
        <Link to={`/tasks/${item.id}`} className="task-title">
          {item.title}
        </Link>
        <div className="task-meta muted">
          {item.post.name}
          {item.workItem?.title ? ` · ${item.workItem.title}` : ''}
          {item.actingFor && <span className="badge">代 {item.actingFor.name ?? '他人'} 办理</span>}
        </div>
        {item.returnReason && item.status === 'IN_PROGRESS' && <div className="return-reason">退回意见：{item.returnReason}</div>}
      </div>
      <div className="task-side">
        <DaysLeft item={item} />
        <span className="muted">
          期限 {item.dueDate}
          {item.deadlineProvisional && <span title="该年度节假日安排尚未发布，期限按周一至周五暂计"> （暂定）</span>}
        </span>
        <span className="task-badges">
          {/* A review shows in the status (待审核); an extension request waiting for me needs its own mark. */}
          {awaiting?.includes('EXTENSION') && <span className="badge awaiting-extension">延期申请待审批</span>}
          <LevelBadge level={item.escalation?.level} name={item.escalation?.name} />
          <span className="badge">{statusName(item.status)}</span>
        </span>
      </div>
    </li>
  );
}

/** 我的任务: open tasks of my posts (and posts I cover), most urgent group first; apart, those waiting for my review or extension decision. */
export function InboxPage() {
  const inbox = useApi(() => unwrap(api.GET('/api/inbox')), []);
  const data = inbox.data;
  return (
    <section>
      <PageHeader title="我的任务">
        {data && <span className="muted">今天 {data.today} · 共 {data.total} 项</span>}
        <button type="button" onClick={inbox.reload} disabled={inbox.loading}>
          刷新
        </button>
      </PageHeader>
      <ErrorBox error={inbox.error} onRetry={inbox.reload} />
      {!data && inbox.loading && <Loading />}
      {data && (
        <>
          <div className="summary-chips">
            {GROUPS.map((g) => (
              <a key={g.key} href={`#${g.key}`} className={`chip ${g.key === 'overdue' && data.counts.overdue > 0 ? 'chip-danger' : ''}`}>
                {g.title} <strong>{data.counts[g.key]}</strong>
              </a>
            ))}
          </div>
          {data.total === 0 && data.awaitingMyReview.length === 0 && <Empty>没有待办任务。</Empty>}
          {data.awaitingMyReview.length > 0 && (
            <div id="awaitingMyReview" className="inbox-group">
              <h2>
                待我审核 <span className="muted">（{data.awaitingMyReview.length}）</span>
              </h2>
              <ul className="task-list">
                {data.awaitingMyReview.map((item) => (
                  <InboxRow key={item.id} item={item} awaiting={item.awaiting} />
                ))}
              </ul>
            </div>
          )}
          {GROUPS.filter((g) => data[g.key].length > 0).map((g) => (
            <div key={g.key} id={g.key} className="inbox-group">
              <h2>
                {g.title} <span className="muted">（{data[g.key].length}）</span>
              </h2>
              {g.hint && <p className="muted group-hint">{g.hint}</p>}
              <ul className="task-list">
                {data[g.key].map((item) => (
                  <InboxRow key={item.id} item={item} />
                ))}
              </ul>
            </div>
          ))}
        </>
      )}
    </section>
  );
}
