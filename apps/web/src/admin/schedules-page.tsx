import { useEffect, useState } from 'react';
import { navigate, useLocation } from '../router';
import { Empty, ErrorBox, Loading, PageHeader } from '../ui/feedback';
import { useAction, useApi } from '../ui/use-api';
import { adminApi, type Schedule } from './admin-api';
import { OccurrenceTable } from './occurrence-table';
import { ScheduleForm } from './schedule-form';

/**
 * 事项计划: the recurring schedules of one work item, each in words with its next five
 * occurrences. The choice of unit, post and work item lives in the URL, so a link shows the same.
 */
export function SchedulesPage() {
  const { query } = useLocation();
  const unitId = query.get('unit') ?? '';
  const postId = query.get('post') ?? '';
  const itemId = query.get('item') ?? '';
  const select = (next: { unit?: string; post?: string; item?: string }) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v) q.set(k, v);
    navigate(`/admin/schedules${q.toString() ? `?${q}` : ''}`, { replace: true });
  };

  const units = useApi(() => adminApi.units(), []);
  const posts = useApi(() => (unitId ? adminApi.posts(unitId) : Promise.resolve([])), [unitId]);
  const post = useApi(() => (postId ? adminApi.post(postId) : Promise.resolve(null)), [postId]);

  // One unit (the usual deployment) needs no choosing.
  useEffect(() => {
    if (!unitId && units.data?.length === 1) select({ unit: units.data[0].id });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [unitId, units.data]);

  const item = post.data?.id === postId ? post.data.workItems.find((w) => w.id === itemId) : undefined;

  return (
    <section>
      <PageHeader title="事项计划" />
      <div className="card picker">
        <label>
          内设机构
          <select value={unitId} onChange={(e) => select({ unit: e.target.value })} disabled={!units.data}>
            <option value="">请选择</option>
            {units.data?.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          岗位
          <select value={postId} onChange={(e) => select({ unit: unitId, post: e.target.value })} disabled={!unitId || !posts.data}>
            <option value="">请选择</option>
            {posts.data?.map((p) => (
              <option key={p.id} value={p.id}>
                {!p.title || p.name.includes(p.title) ? p.name : `${p.name}：${p.title}`}
              </option>
            ))}
          </select>
        </label>
        <label className="wide-select">
          工作事项
          <select value={itemId} onChange={(e) => select({ unit: unitId, post: postId, item: e.target.value })} disabled={!postId || !post.data}>
            <option value="">请选择</option>
            {post.data?.workItems.map((w) => (
              <option key={w.id} value={w.id}>
                {w.title}
              </option>
            ))}
          </select>
        </label>
        {(units.loading || posts.loading || post.loading) && <Loading label="正在加载…" />}
        <ErrorBox error={units.error ?? posts.error ?? post.error} />
      </div>

      {!itemId ? (
        <Empty>选择内设机构、岗位和工作事项，查看它的计划（按规则自动下达的周期任务）。</Empty>
      ) : (
        <WorkItemSchedules key={itemId} workItemId={itemId} title={item?.title ?? ''} holders={post.data?.holders.map((h) => h.name + (h.acting ? '（代）' : '')) ?? []} />
      )}
    </section>
  );
}

function WorkItemSchedules({ workItemId, title, holders }: { workItemId: string; title: string; holders: string[] }) {
  const list = useApi(() => adminApi.schedules(workItemId), [workItemId]);
  const [editing, setEditing] = useState<Schedule | 'new' | null>(null);
  const saved = () => {
    setEditing(null);
    list.reload();
  };

  return (
    <>
      <div className="page-header">
        <h2>
          {title}
          {holders.length > 0 && <span className="muted holder-note">（承办：{holders.join('、')}）</span>}
        </h2>
        {!editing && (
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            新建计划
          </button>
        )}
      </div>
      {editing && <ScheduleForm key={editing === 'new' ? 'new' : editing.id} workItemId={workItemId} schedule={editing === 'new' ? null : editing} onSaved={saved} onCancel={() => setEditing(null)} />}
      <ErrorBox error={list.error} onRetry={list.reload} />
      {!list.data && list.loading && <Loading />}
      {list.data?.length === 0 && <Empty>该工作事项还没有计划。</Empty>}
      {list.data?.map((s) => <ScheduleCard key={s.id} workItemId={workItemId} schedule={s} onEdit={() => setEditing(s)} onChanged={list.reload} />)}
    </>
  );
}

const EVIDENCE_NAMES: Record<string, string> = { FILE: '文件', NOTE: '说明', LINK: '链接', DOC_NUMBER: '文号', MINUTES: '会议纪要' };

function ScheduleCard({ workItemId, schedule: s, onEdit, onChanged }: { workItemId: string; schedule: Schedule; onEdit: () => void; onChanged: () => void }) {
  // The preview is computed from the saved schedule (its real start date), on the official calendar.
  // Any saved change (rule, deadline, lead, dates) reloads it.
  const preview = useApi(() => adminApi.preview(workItemId, s.id), [workItemId, JSON.stringify(s)]);
  const toggle = useAction(async () => {
    const { title, recurrence, deadlineRule, leadWorkdays, startDate, endDate, checklist, requiredEvidence } = s;
    await adminApi.updateSchedule(workItemId, s.id, {
      title,
      recurrence,
      deadlineRule,
      leadWorkdays,
      startDate,
      ...(endDate ? { endDate } : {}),
      checklist,
      requiredEvidence,
      active: !s.active,
    });
    onChanged();
  });

  return (
    <article className={s.active ? 'card schedule-card' : 'card schedule-card inactive'} data-testid="schedule-card">
      <div className="schedule-head">
        <h3>
          {s.title} {!s.active && <span className="badge">已停用</span>}
        </h3>
        <div className="page-actions">
          <button type="button" className="small" onClick={onEdit}>
            编辑
          </button>
          <button type="button" className={s.active ? 'small danger' : 'small'} disabled={toggle.busy} onClick={() => void toggle.run()}>
            {s.active ? '停用' : '启用'}
          </button>
        </div>
      </div>
      <p className="schedule-words">{preview.data?.description ?? s.recurrenceText}</p>
      <p className="muted schedule-meta">
        自 {s.startDate}
        {s.endDate ? ` 至 ${s.endDate}` : ' 起'}
        {s.requiredEvidence.length > 0 && ` · 须提交：${s.requiredEvidence.map((e) => EVIDENCE_NAMES[e] ?? e).join('、')}`}
        {s.checklist.length > 0 && ` · 检查清单 ${s.checklist.length} 项`}
        {s.generatedThrough && ` · 已下达至 ${s.generatedThrough}`}
      </p>
      <ErrorBox error={toggle.error} />
      {s.active ? (
        <>
          <h4 className="occurrences-title">接下来 5 次</h4>
          <ErrorBox error={preview.error} onRetry={preview.reload} />
          {preview.loading && !preview.data ? <Loading /> : preview.data && <OccurrenceTable occurrences={preview.data.occurrences} />}
        </>
      ) : (
        <p className="muted">已停用：不再下达新任务，已下达的任务不受影响。</p>
      )}
    </article>
  );
}
