import { api, downloadFile, unwrap } from '../api/client';
import { ErrorBox, Loading, PageHeader } from '../ui/feedback';
import { formatBytes, formatDateTime, statusName } from '../ui/format';
import { LevelBadge } from '../ui/level';
import { ListCard } from '../ui/list-card';
import { useAction, useApi } from '../ui/use-api';
import { EvidencePanel } from './task/evidence-panel';
import { HistoryTimeline } from './task/history-timeline';
import { TaskActionsPanel } from './task/task-actions-panel';
import { dateOnly, EVIDENCE_NAMES, type Task, type TaskDetail } from './task/task-types';

const REVIEWER_NAMES: Record<string, string> = { DEPUTY: '副职初核', CHIEF: '正职审核' };
const EXTENSION_STATUS: Record<string, string> = { PENDING: '待审批', APPROVED: '已批准', REJECTED: '已驳回' };

const shanghaiTime = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** A deadline is the end of its day unless the organisation sets an earlier cut-off. */
function cutoffOf(dueAt: string): string {
  const time = shanghaiTime.format(new Date(dueAt));
  return time === '00:00' ? ' 当日24:00前' : ` 当日 ${time} 前`;
}

function Deadline({ task }: { task: Task }) {
  return (
    <div>
      <div className="deadline">
        <strong>{dateOnly(task.dueDate)}</strong>
        <span className="muted">{cutoffOf(task.dueAt)}</span>
        {task.deadlineProvisional && <span className="badge level-1">暂定</span>}
      </div>
      {task.deadlineExplanation && <p className="deadline-explanation">{task.deadlineExplanation}</p>}
      {task.deadlineProvisional && <p className="muted">该年度节假日安排尚未导入，期限暂按周一至周五计算，导入后自动重算。</p>}
    </div>
  );
}

function ReviewSteps({ task }: { task: Task }) {
  if (task.reviewSteps.length === 0) return <span className="muted">无需审核，提交即办结</span>;
  return (
    <span className="steps">
      {task.reviewSteps.map((step, i) => {
        const done = task.status === 'DONE' || i < task.reviewIndex;
        const current = (task.status === 'SUBMITTED' || task.status === 'REVIEWED') && i === task.reviewIndex;
        return (
          <span key={step} className={done ? 'step done' : current ? 'step current' : 'step'}>
            {REVIEWER_NAMES[step] ?? step}
          </span>
        );
      })}
    </span>
  );
}

/** 交办附件: the files the assigner attached to the task (not evidence). */
function Attachments({ items }: { items: TaskDetail['attachments'] }) {
  const download = useAction((item: TaskDetail['attachments'][number]) => downloadFile(item.downloadPath, item.fileName));
  if (items.length === 0) return null;
  return (
    <div className="card">
      <h2>交办附件</h2>
      <ul className="plain-list">
        {items.map((a) => (
          <li key={a.id}>
            <button type="button" className="link-button" onClick={() => void download.run(a)}>
              {a.fileName}
            </button>
            <span className="muted"> {formatBytes(a.size)}</span>
          </li>
        ))}
      </ul>
      <ErrorBox error={download.error} />
    </div>
  );
}

/** Task detail: what, by when (and why that date), what to deliver, what happened, what I can do now. */
export function TaskPage({ id }: { id: string }) {
  const detail = useApi(() => unwrap(api.GET('/api/tasks/{id}', { params: { path: { id } } })), [id]);
  const evidence = useApi(() => unwrap(api.GET('/api/tasks/{id}/evidence', { params: { path: { id } } })), [id]);
  const reload = () => {
    detail.reload();
    evidence.reload();
  };

  if (!detail.data) {
    return (
      <section>
        <ErrorBox error={detail.error} onRetry={detail.reload} />
        {detail.loading && <Loading />}
      </section>
    );
  }
  const { task, history, allowedActions, attachments } = detail.data;
  const checklist = task.checklist ?? [];
  return (
    <section className="task-page">
      <PageHeader title={task.title}>
        <LevelBadge level={task.escalationLevel} />
        <span className="badge status">{statusName(task.status)}</span>
        {detail.loading && <span className="spinner" aria-label="刷新中" />}
      </PageHeader>

      <div className="task-grid">
        <div className="task-col">
          <div className="card">
            <h2>办理</h2>
            <TaskActionsPanel task={task} allowed={allowedActions} onDone={reload} />
            {task.returnReason && task.status === 'IN_PROGRESS' && <p className="return-reason">退回意见：{task.returnReason}</p>}
          </div>

          <div className="card">
            <h2>期限</h2>
            <Deadline task={task} />
            <dl className="facts">
              <dt>交办日期</dt>
              <dd>{dateOnly(task.assignedOn)}</dd>
              <dt>类型</dt>
              <dd>{task.kind === 'RECURRING' ? '周期性任务' : '交办任务'}</dd>
              <dt>审核流程</dt>
              <dd>
                <ReviewSteps task={task} />
              </dd>
            </dl>
          </div>

          {task.description && (
            <div className="card">
              <h2>任务说明</h2>
              <p className="pre-wrap">{task.description}</p>
            </div>
          )}

          <Attachments items={attachments ?? []} />

          {checklist.length > 0 && (
            <ListCard title="工作清单" listClassName="checklist">
              {checklist.map((c, i) => (
                <li key={i} className={c.done ? 'done' : ''}>
                  {c.done ? '☑' : '☐'} {c.text}
                </li>
              ))}
            </ListCard>
          )}

          <div className="card">
            <h2>履职材料</h2>
            {task.requiredEvidence.length > 0 && <p className="muted">须提供：{task.requiredEvidence.map((k) => EVIDENCE_NAMES[k] ?? k).join('、')}</p>}
            <ErrorBox error={evidence.error} onRetry={evidence.reload} />
            {evidence.data ? (
              <EvidencePanel taskId={task.id} items={evidence.data} required={task.requiredEvidence} canAdd={allowedActions.includes('ADD_EVIDENCE')} onAdded={reload} />
            ) : (
              evidence.loading && <Loading />
            )}
          </div>
        </div>

        <div className="task-col">
          {task.extensionRequests.length > 0 && (
            <ListCard title="延期申请">
              {task.extensionRequests.map((r) => (
                <li key={r.id} className="extension-request">
                  延至 {dateOnly(r.newDueDate)} · {EXTENSION_STATUS[r.status] ?? r.status}
                  <div className="muted">{r.reason}</div>
                  {r.decisionNote && <div className="muted">审批意见：{r.decisionNote}</div>}
                </li>
              ))}
            </ListCard>
          )}
          {task.escalations.length > 0 && (
            <ListCard title="预警记录">
              {task.escalations.map((e) => (
                <li key={e.id}>
                  <LevelBadge level={e.level} /> {formatDateTime(e.dueAt)}
                  {e.overdueWorkdays > 0 && <span className="muted"> 逾期 {e.overdueWorkdays} 个工作日</span>}
                  <span className="muted"> · {e.acknowledgedAt ? `已阅 ${formatDateTime(e.acknowledgedAt)}` : '未阅'}</span>
                </li>
              ))}
            </ListCard>
          )}
          <div className="card">
            <h2>办理记录</h2>
            <HistoryTimeline events={history} />
          </div>
        </div>
      </div>
    </section>
  );
}
