import { useEffect, useState, type FormEvent } from 'react';
import type { ApiError } from '../api/client';
import { ErrorBox } from '../ui/feedback';
import { toApiError, useAction } from '../ui/use-api';
import { adminApi, type Recurrence, type Schedule, type ScheduleInput, type SchedulePreview } from './admin-api';
import { todayInShanghai } from './dates';
import { OccurrenceTable } from './occurrence-table';

type RecurrenceMode = 'NTH_WORKDAY_OF_MONTH' | 'LAST_WORKDAY_OF' | 'WEEKLY' | 'MONTH_DAY' | 'RRULE';
type DeadlineMode = 'SAME_DAY' | 'WORKDAYS_AFTER' | 'NEXT_MONTH_NTH';

interface FormState {
  title: string;
  mode: RecurrenceMode;
  n: number;
  months: number[];
  period: 'MONTH' | 'QUARTER' | 'YEAR';
  weekday: string;
  monthDay: number;
  rrule: string;
  deadline: DeadlineMode;
  deadlineDays: number;
  lead: number;
  startDate: string;
  endDate: string;
  checklistFromResponsibilities: boolean;
  requiredEvidence: string[];
}

const WEEKDAYS: [string, string][] = [
  ['MO', '周一'],
  ['TU', '周二'],
  ['WE', '周三'],
  ['TH', '周四'],
  ['FR', '周五'],
];
const EVIDENCE: [string, string][] = [
  ['FILE', '文件'],
  ['NOTE', '说明'],
  ['LINK', '链接'],
  ['DOC_NUMBER', '文号'],
  ['MINUTES', '会议纪要'],
];

/** Reads a stored schedule back into the form's simple fields (anything else stays an RRULE). */
function fromSchedule(s: Schedule | null): FormState {
  const base: FormState = {
    title: '',
    mode: 'NTH_WORKDAY_OF_MONTH',
    n: 5,
    months: [],
    period: 'MONTH',
    weekday: 'FR',
    monthDay: 1,
    rrule: 'FREQ=WEEKLY;BYDAY=FR',
    deadline: 'SAME_DAY',
    deadlineDays: 5,
    lead: 3,
    startDate: todayInShanghai(),
    endDate: '',
    checklistFromResponsibilities: true,
    requiredEvidence: ['FILE'],
  };
  if (!s) return base;
  const form: FormState = { ...base, title: s.title, lead: s.leadWorkdays, startDate: s.startDate, endDate: s.endDate ?? '', requiredEvidence: s.requiredEvidence, checklistFromResponsibilities: false };
  const r = s.recurrence;
  if (r.kind === 'NTH_WORKDAY_OF_MONTH') Object.assign(form, { mode: r.kind, n: r.n, months: r.months ?? [] });
  else if (r.kind === 'LAST_WORKDAY_OF') Object.assign(form, { mode: r.kind, period: r.period });
  else {
    const weekly = /^FREQ=WEEKLY;BYDAY=(MO|TU|WE|TH|FR)$/.exec(r.rrule);
    const monthly = /^FREQ=MONTHLY;BYMONTHDAY=(\d{1,2})$/.exec(r.rrule);
    if (weekly) Object.assign(form, { mode: 'WEEKLY', weekday: weekly[1] });
    else if (monthly) Object.assign(form, { mode: 'MONTH_DAY', monthDay: Number(monthly[1]) });
    else Object.assign(form, { mode: 'RRULE', rrule: r.rrule });
  }
  const d = s.deadlineRule as { kind?: string; days?: number; n?: number; monthOffset?: number } | null;
  if (d?.kind === 'WORKDAYS_AFTER' && d.days) Object.assign(form, { deadline: 'WORKDAYS_AFTER', deadlineDays: d.days });
  else if (d?.kind === 'NTH_WORKDAY_OF_MONTH' && d.monthOffset === 1) Object.assign(form, { deadline: 'NEXT_MONTH_NTH', deadlineDays: d.n });
  return form;
}

function recurrenceOf(f: FormState): Recurrence {
  switch (f.mode) {
    case 'NTH_WORKDAY_OF_MONTH':
      return { kind: 'NTH_WORKDAY_OF_MONTH', n: f.n, ...(f.months.length ? { months: [...f.months].sort((a, b) => a - b) } : {}) };
    case 'LAST_WORKDAY_OF':
      return { kind: 'LAST_WORKDAY_OF', period: f.period };
    case 'WEEKLY':
      return { kind: 'RRULE', rrule: `FREQ=WEEKLY;BYDAY=${f.weekday}` };
    case 'MONTH_DAY':
      return { kind: 'RRULE', rrule: `FREQ=MONTHLY;BYMONTHDAY=${f.monthDay}` };
    case 'RRULE':
      return { kind: 'RRULE', rrule: f.rrule.trim() };
  }
}

function deadlineOf(f: FormState): Record<string, unknown> | null {
  if (f.deadline === 'WORKDAYS_AFTER') return { kind: 'WORKDAYS_AFTER', days: f.deadlineDays };
  if (f.deadline === 'NEXT_MONTH_NTH') return { kind: 'NTH_WORKDAY_OF_MONTH', n: f.deadlineDays, monthOffset: 1 };
  return null;
}

function inputOf(f: FormState, existing: Schedule | null): ScheduleInput {
  return {
    title: f.title.trim(),
    recurrence: recurrenceOf(f),
    deadlineRule: deadlineOf(f),
    leadWorkdays: f.lead,
    startDate: f.startDate,
    ...(f.endDate ? { endDate: f.endDate } : {}),
    ...(f.checklistFromResponsibilities ? { checklistFromResponsibilities: true } : { checklist: existing?.checklist ?? [] }),
    requiredEvidence: f.requiredEvidence,
    active: existing?.active ?? true,
  };
}

/** Create or edit a schedule, with the server's preview (words and next dates) updated as one types. */
export function ScheduleForm(props: { workItemId: string; schedule: Schedule | null; onSaved: () => void; onCancel: () => void }) {
  const { workItemId, schedule } = props;
  const [f, setF] = useState<FormState>(() => fromSchedule(schedule));
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setF((s) => ({ ...s, [key]: value }));
  const [preview, setPreview] = useState<{ data?: SchedulePreview; error?: ApiError; loading: boolean }>({ loading: true });

  const draft = JSON.stringify(inputOf(f, schedule));
  useEffect(() => {
    let stale = false;
    setPreview((p) => ({ ...p, loading: true }));
    // Wait for a pause in typing; the preview needs the official calendar, so it is the server's.
    const timer = setTimeout(() => {
      const { title: _title, ...body } = JSON.parse(draft) as ScheduleInput;
      adminApi.previewDraft(workItemId, body).then(
        (data) => !stale && setPreview({ data, loading: false }),
        (e: unknown) => !stale && setPreview({ error: toApiError(e), loading: false }),
      );
    }, 350);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [draft, workItemId]);

  const save = useAction(async () => {
    const input = inputOf(f, schedule);
    if (schedule) await adminApi.updateSchedule(workItemId, schedule.id, input);
    else await adminApi.createSchedule(workItemId, input);
    props.onSaved();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run();
  };
  const toggle = (list: string[], v: string) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

  return (
    <form className="card schedule-form" onSubmit={submit} aria-label={schedule ? '编辑计划' : '新建计划'}>
      <h2>{schedule ? `编辑计划：${schedule.title}` : '新建计划'}</h2>
      <div className="form-grid">
        <label className="wide">
          任务标题
          <input required maxLength={200} value={f.title} onChange={(e) => set('title', e.target.value)} placeholder="如：月度统计报表报送" />
        </label>
        <label>
          重复方式
          <select value={f.mode} onChange={(e) => set('mode', e.target.value as RecurrenceMode)}>
            <option value="NTH_WORKDAY_OF_MONTH">每月第N个工作日</option>
            <option value="LAST_WORKDAY_OF">每期最后一个工作日</option>
            <option value="WEEKLY">每周固定一天</option>
            <option value="MONTH_DAY">每月固定日期</option>
            <option value="RRULE">自定义（RRULE）</option>
          </select>
        </label>
        {f.mode === 'NTH_WORKDAY_OF_MONTH' && (
          <label>
            第几个工作日
            <input type="number" min={1} max={23} value={f.n} onChange={(e) => set('n', Number(e.target.value))} />
          </label>
        )}
        {f.mode === 'LAST_WORKDAY_OF' && (
          <label>
            周期
            <select value={f.period} onChange={(e) => set('period', e.target.value as FormState['period'])}>
              <option value="MONTH">每月</option>
              <option value="QUARTER">每季度</option>
              <option value="YEAR">每年</option>
            </select>
          </label>
        )}
        {f.mode === 'WEEKLY' && (
          <label>
            星期
            <select value={f.weekday} onChange={(e) => set('weekday', e.target.value)}>
              {WEEKDAYS.map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </select>
          </label>
        )}
        {f.mode === 'MONTH_DAY' && (
          <label>
            每月几日
            <input type="number" min={1} max={31} value={f.monthDay} onChange={(e) => set('monthDay', Number(e.target.value))} />
          </label>
        )}
        {f.mode === 'RRULE' && (
          <label className="wide">
            RRULE（只按日期重复）
            <input value={f.rrule} onChange={(e) => set('rrule', e.target.value)} placeholder="FREQ=MONTHLY;BYDAY=1MO" spellCheck={false} />
          </label>
        )}
        {f.mode === 'NTH_WORKDAY_OF_MONTH' && (
          <fieldset className="wide months-field">
            <legend>仅限月份（不选则每月）</legend>
            {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
              <label key={m} className="check">
                <input type="checkbox" checked={f.months.includes(m)} onChange={() => set('months', f.months.includes(m) ? f.months.filter((x) => x !== m) : [...f.months, m])} />
                {m}月
              </label>
            ))}
          </fieldset>
        )}
        <label>
          截止
          <select value={f.deadline} onChange={(e) => set('deadline', e.target.value as DeadlineMode)}>
            <option value="SAME_DAY">当日截止</option>
            <option value="WORKDAYS_AFTER">之后第N个工作日</option>
            <option value="NEXT_MONTH_NTH">次月第N个工作日</option>
          </select>
        </label>
        {f.deadline !== 'SAME_DAY' && (
          <label>
            N（工作日）
            <input type="number" min={1} max={60} value={f.deadlineDays} onChange={(e) => set('deadlineDays', Number(e.target.value))} />
          </label>
        )}
        <label>
          提前下达（工作日）
          <input type="number" min={0} max={60} value={f.lead} onChange={(e) => set('lead', Number(e.target.value))} />
        </label>
        <label>
          开始日期
          <input type="date" required value={f.startDate} onChange={(e) => set('startDate', e.target.value)} />
        </label>
        <label>
          结束日期（可空）
          <input type="date" value={f.endDate} onChange={(e) => set('endDate', e.target.value)} />
        </label>
        <fieldset className="wide">
          <legend>办结须提交的材料</legend>
          {EVIDENCE.map(([v, l]) => (
            <label key={v} className="check">
              <input type="checkbox" checked={f.requiredEvidence.includes(v)} onChange={() => set('requiredEvidence', toggle(f.requiredEvidence, v))} />
              {l}
            </label>
          ))}
        </fieldset>
        <label className="check wide">
          <input type="checkbox" checked={f.checklistFromResponsibilities} onChange={(e) => set('checklistFromResponsibilities', e.target.checked)} />
          {schedule ? '用工作事项的岗位责任重新生成检查清单' : '以工作事项的岗位责任作为检查清单'}
        </label>
      </div>

      <div className="preview-box" aria-live="polite" data-testid="schedule-draft-preview">
        <h3>预览</h3>
        {preview.error ? (
          <ErrorBox error={preview.error} />
        ) : preview.data ? (
          <>
            <p className={preview.loading ? 'schedule-words muted' : 'schedule-words'}>{preview.data.description}</p>
            <OccurrenceTable occurrences={preview.data.occurrences} />
          </>
        ) : (
          <p className="muted">正在计算…</p>
        )}
      </div>

      <ErrorBox error={save.error} />
      <div className="page-actions admin-actions">
        <button type="submit" className="primary" disabled={save.busy}>
          {save.busy ? '正在保存…' : '保存'}
        </button>
        <button type="button" onClick={props.onCancel} disabled={save.busy}>
          取消
        </button>
      </div>
    </form>
  );
}
