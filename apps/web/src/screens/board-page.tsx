import { useState } from 'react';
import { api, unwrap, type Schemas } from '../api/client';
import { useSession } from '../auth/session';
import { Link } from '../router';
import { DataTable } from '../ui/data-table';
import { Empty, ErrorBox, Loading, PageHeader } from '../ui/feedback';
import { statusName } from '../ui/format';
import { LevelBadge, levelBar } from '../ui/level';
import { UnitSelect } from '../ui/unit-select';
import { useAction, useApi } from '../ui/use-api';

type Board = Schemas['UnitBoardDto'];
type TaskSummary = Schemas['TaskPageDto']['items'][number];

const BOARD_COLUMNS = [
  '岗位',
  ['在办', 'num'],
  ['临期', 'num'],
  ['逾期合计', 'num'],
  ['L1 逾期', 'num hide-phone'],
  ['L2 催办', 'num hide-phone'],
  ['L3 督办', 'num hide-phone'],
  ['待我审核', 'num'],
  ['延期待批', 'num hide-phone'],
  ['未阅预警', 'num hide-phone'],
] as const;

const REVIEWER_NAMES: Record<string, string> = { DEPUTY: '初核', CHIEF: '审核' };

/** 督办看板: per post of my unit what is open, at risk, late; what waits for me; one-click 催办. */
export function BoardPage() {
  const { supervisedUnits } = useSession();
  const [unitId, setUnitId] = useState(supervisedUnits[0]?.unitId);
  if (!unitId) return <Empty>您没有督办的科室。</Empty>;
  return (
    <section>
      <PageHeader title="督办看板">
        <UnitSelect units={supervisedUnits} value={unitId} onChange={setUnitId} />
      </PageHeader>
      <UnitBoard unitId={unitId} />
    </section>
  );
}

function UnitBoard({ unitId }: { unitId: string }) {
  const board = useApi(() => unwrap(api.GET('/api/units/{id}/board', { params: { path: { id: unitId } } })), [unitId]);
  const overdue = useApi(() => unwrap(api.GET('/api/tasks', { params: { query: { unitId, overdue: true, pageSize: 100, sort: 'dueAt', order: 'asc' } } })), [unitId]);
  const reviewing = useApi(() => unwrap(api.GET('/api/tasks', { params: { query: { unitId, status: ['SUBMITTED', 'REVIEWED'], pageSize: 100 } } })), [unitId]);
  const data = board.data;
  const postName = (postId: string) => {
    const post = data?.posts.find((p) => p.postId === postId);
    return post ? `${post.name}${post.holderName ? `（${post.holderName}）` : ''}` : '';
  };
  // Awaiting MY review: the server's review rule decides (a step of work I do myself goes one level up).
  const queued = new Set(data?.reviewQueue ?? []);
  const myQueue = (reviewing.data?.items ?? []).filter((t) => queued.has(t.id));

  return (
    <>
      <ErrorBox error={board.error} onRetry={board.reload} />
      {!data && board.loading && <Loading />}
      {data && (
        <>
          <p className="muted">
            {data.unit.name} · 今天 {data.today} · “临期”指 {data.riskThrough} 前到期
          </p>
          <BoardTable board={data} />
        </>
      )}

      <h2>待我审核（{myQueue.length}）</h2>
      <ErrorBox error={reviewing.error} onRetry={reviewing.reload} />
      {reviewing.loading && !reviewing.data ? (
        <Loading />
      ) : myQueue.length === 0 ? (
        <Empty>没有等待您审核的任务。</Empty>
      ) : (
        <ul className="task-list">
          {myQueue.map((t) => (
            <li key={t.id} className="task-row">
              <div className="task-main">
                <Link to={`/tasks/${t.id}`} className="task-title">
                  {t.title}
                </Link>
                <div className="task-meta muted">{postName(t.postId)}</div>
              </div>
              <div className="task-side">
                <span className="badge">{REVIEWER_NAMES[t.reviewSteps[t.reviewIndex] ?? ''] ?? statusName(t.status)}</span>
                <span className="muted">期限 {t.dueDate}</span>
              </div>
            </li>
          ))}
        </ul>
      )}

      <h2>逾期任务（{overdue.data?.total ?? '…'}）</h2>
      <ErrorBox error={overdue.error} onRetry={overdue.reload} />
      {overdue.loading && !overdue.data ? (
        <Loading />
      ) : (overdue.data?.items.length ?? 0) === 0 ? (
        <Empty>没有逾期任务。</Empty>
      ) : (
        <ul className="task-list">
          {overdue.data!.items.map((t) => (
            <OverdueRow key={t.id} task={t} postName={postName(t.postId)} onUrged={board.reload} />
          ))}
        </ul>
      )}

      {data && data.supervisionDuties.length > 0 && <SupervisionDuties duties={data.supervisionDuties} />}
    </>
  );
}

function BoardTable({ board }: { board: Board }) {
  const row = (key: string, name: string, holder: string | null, f: Board['totals'], total = false) => (
    <tr key={key} className={total ? 'total-row' : ''}>
      <td>
        {name}
        {holder && <div className="muted small">{holder}</div>}
      </td>
      <td className="num">{f.open}</td>
      <td className={`num ${f.atRisk ? 'warn' : ''}`}>{f.atRisk}</td>
      <td className={`num ${f.overdue ? 'danger' : ''}`}>{f.overdue}</td>
      <td className="num hide-phone">{f.overdueL1}</td>
      <td className="num hide-phone">{f.overdueL2}</td>
      <td className="num hide-phone">{f.overdueL3}</td>
      <td className="num">{f.awaitingMyReview}</td>
      <td className="num hide-phone">{f.pendingExtensions}</td>
      <td className="num hide-phone">{f.unacknowledgedEscalations}</td>
    </tr>
  );
  return (
    <DataTable columns={BOARD_COLUMNS}>
      {board.posts.map((p) => row(p.postId, p.name, p.holderName, p))}
      {row('total', '合计', null, board.totals, true)}
    </DataTable>
  );
}

function OverdueRow({ task, postName, onUrged }: { task: TaskSummary; postName: string; onUrged: () => void }) {
  const [urged, setUrged] = useState(false);
  const urge = useAction(async () => {
    await unwrap(api.POST('/api/tasks/{id}/urge', { params: { path: { id: task.id } }, body: {} }));
    setUrged(true);
    onUrged();
  });
  return (
    <li className={`task-row ${levelBar(task.escalationLevel)}`}>
      <div className="task-main">
        <Link to={`/tasks/${task.id}`} className="task-title">
          {task.title}
        </Link>
        <div className="task-meta muted">
          {postName} · {statusName(task.status)}
        </div>
        <ErrorBox error={urge.error} />
      </div>
      <div className="task-side">
        <span className="days overdue">期限 {task.dueDate}</span>
        <LevelBadge level={task.escalationLevel} />
        <button type="button" className="small" disabled={urge.busy || urged} onClick={() => void urge.run()}>
          {urged ? '已催办' : '催办'}
        </button>
      </div>
    </li>
  );
}

function SupervisionDuties({ duties }: { duties: Board['supervisionDuties'] }) {
  return (
    <>
      <h2>我的监督职责</h2>
      <DataTable columns={['工作事项', ['岗位', 'hide-phone'], ['已到期', 'num'], ['已完成', 'num'], ['逾期', 'num'], '状态']}>
        {duties.map((d) => (
          <tr key={d.workItemId}>
            <td>{d.title}</td>
            <td className="hide-phone">{d.postName}</td>
            <td className="num">{d.dueSoFar}</td>
            <td className="num">{d.doneSoFar}</td>
            <td className={`num ${d.overdue ? 'danger' : ''}`}>{d.overdue}</td>
            <td>{d.upToDate ? <span className="badge level-0">正常</span> : <span className="badge level-3">有逾期</span>}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
