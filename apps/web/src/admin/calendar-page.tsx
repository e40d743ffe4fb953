import { useMemo, useRef, useState } from 'react';
import { ApiError, authFetch } from '../api/client';
import { DataTable } from '../ui/data-table';
import { ErrorBox, Loading, PageHeader } from '../ui/feedback';
import { useAction, useApi } from '../ui/use-api';
import { adminApi, type YearOverview } from './admin-api';
import { daysInMonth, mondayFirstWeekday, todayInShanghai } from './dates';

const WEEK = ['一', '二', '三', '四', '五', '六', '日'];

/**
 * 工作日历: the year's twelve months with holidays and 调休 make-up working days marked. A year
 * without the State Council's schedule is flagged, because its deadlines are only a Mon–Fri guess.
 */
export function CalendarPage() {
  const today = todayInShanghai();
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const overview = useApi(() => adminApi.year(year), [year]);
  const data = overview.data?.year === year ? overview.data : undefined;
  const choices = useMemo(() => {
    const years = new Set([...(overview.data?.loadedYears ?? []).filter((y) => y >= year - 5), year - 1, year, year + 1]);
    return [...years].sort((a, b) => a - b);
  }, [overview.data, year]);

  return (
    <section>
      <PageHeader title="工作日历">
        <div className="year-switcher" role="group" aria-label="选择年份">
          <button type="button" className="small" onClick={() => setYear(year - 1)} aria-label="上一年">
            ‹
          </button>
          <select value={year} onChange={(e) => setYear(Number(e.target.value))} aria-label="年份">
            {choices.map((y) => (
              <option key={y} value={y}>
                {y}年
              </option>
            ))}
          </select>
          <button type="button" className="small" onClick={() => setYear(year + 1)} aria-label="下一年">
            ›
          </button>
        </div>
      </PageHeader>

      <ErrorBox error={overview.error} onRetry={overview.reload} />
      {!data && overview.loading && <Loading />}
      {data && (
        <>
          {data.loaded ? (
            <p className="muted" data-testid="year-status">
              {year}年节假日安排已载入：法定节假日 {count(data, 'HOLIDAY')} 天，调休上班 {count(data, 'MAKEUP_WORKDAY')} 天。
            </p>
          ) : (
            <MissingYear year={year} onLoaded={overview.reload} />
          )}
          <Legend />
          <div className={data.loaded ? 'months' : 'months provisional'} data-testid="month-grids">
            {Array.from({ length: 12 }, (_, i) => (
              <MonthGrid key={i} year={year} month={i + 1} data={data} today={today} />
            ))}
          </div>
          <HolidayList data={data} />
        </>
      )}
    </section>
  );
}

function count(data: YearOverview, kind: 'HOLIDAY' | 'MAKEUP_WORKDAY') {
  return data.days.filter((d) => d.kind === kind).length;
}

function MissingYear({ year, onLoaded }: { year: number; onLoaded: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [done, setDone] = useState<string>();
  const upload = useAction(async (file: File) => {
    const text = await file.text();
    const ics = /^\s*BEGIN:VCALENDAR/i.test(text.replace(/^\uFEFF/, ''));
    const response = await authFetch(
      new Request(new URL(`/api/calendar/years/${year}`, location.origin), {
        method: 'PUT',
        headers: { 'Content-Type': ics ? 'text/calendar' : 'application/json' },
        body: text,
      }),
    );
    if (!response.ok) throw await ApiError.from(response);
    setDone(`已载入${year}年节假日安排`);
    onLoaded();
  });
  return (
    <div className="year-missing" role="alert" data-testid="year-missing">
      <strong>{year}年节假日安排尚未载入</strong>
      <p>
        该年的工作日暂按周一至周五推算，涉及该年的期限均为临时期限，可能与国务院办公厅通知不符。每年11月前后通知发布后，请载入该年安排（JSON 或 ICS 文件）。
      </p>
      <div className="page-actions">
        <input ref={input} type="file" accept=".json,.ics,application/json,text/calendar" aria-label={`${year}年节假日安排文件`} disabled={upload.busy} />
        <button type="button" className="primary" disabled={upload.busy} onClick={() => input.current?.files?.[0] && void upload.run(input.current.files[0])}>
          {upload.busy ? '正在载入…' : '载入该年安排'}
        </button>
      </div>
      {done && <p>{done}</p>}
      <ErrorBox error={upload.error} />
    </div>
  );
}

function Legend() {
  return (
    <ul className="legend" aria-label="图例">
      <li>
        <span className="swatch day holiday">休</span>法定节假日
      </li>
      <li>
        <span className="swatch day makeup">班</span>调休上班
      </li>
      <li>
        <span className="swatch day weekend" />
        周末
      </li>
      <li>
        <span className="swatch day" />
        工作日
      </li>
      <li>
        <span className="swatch day today" />
        今天
      </li>
    </ul>
  );
}

function MonthGrid({ year, month, data, today }: { year: number; month: number; data: YearOverview; today: string }) {
  const byDate = new Map(data.days.map((d) => [d.date, d]));
  const blanks = mondayFirstWeekday(year, month, 1);
  const total = daysInMonth(year, month);
  return (
    <div className="month">
      <h3>{month}月</h3>
      <div className="month-grid" role="grid" aria-label={`${year}年${month}月`}>
        {WEEK.map((w, i) => (
          <div key={w} className={i >= 5 ? 'dow weekend-head' : 'dow'} role="columnheader">
            {w}
          </div>
        ))}
        {Array.from({ length: blanks }, (_, i) => (
          <div key={`b${i}`} />
        ))}
        {Array.from({ length: total }, (_, i) => {
          const day = i + 1;
          const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          const special = byDate.get(date);
          const weekend = mondayFirstWeekday(year, month, day) >= 5;
          const kind = special ? (special.kind === 'HOLIDAY' ? 'holiday' : 'makeup') : weekend ? 'weekend' : 'workday';
          const label = special ? `${date} ${special.name}${special.kind === 'HOLIDAY' ? '（放假）' : '（调休上班）'}` : `${date} ${weekend ? '周末' : '工作日'}`;
          return (
            <div key={date} role="gridcell" className={`day ${kind}${date === today ? ' today' : ''}`} title={label} aria-label={label} data-date={date}>
              {day}
              {special && <span className="mark">{special.kind === 'HOLIDAY' ? '休' : '班'}</span>}
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** The year's arrangement as the notice lists it: each holiday's days and its make-up working days. */
function HolidayList({ data }: { data: YearOverview }) {
  const names = [...new Set(data.days.map((d) => d.name))];
  if (names.length === 0) return null;
  return (
    <DataTable columns={['节日', '放假', '调休上班']}>
      {names.map((name) => {
        const of = (kind: string) => data.days.filter((d) => d.name === name && d.kind === kind).map((d) => d.date);
        return (
          <tr key={name}>
            <td>{name}</td>
            <td>{ranges(of('HOLIDAY'))}</td>
            <td>{of('MAKEUP_WORKDAY').map(short).join('、') || '—'}</td>
          </tr>
        );
      })}
    </DataTable>
  );
}

const short = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/** Consecutive dates collapse: 10月1日至10月7日（7天）. */
function ranges(dates: string[]): string {
  if (dates.length === 0) return '—';
  const runs: string[][] = [];
  for (const d of dates) {
    const last = runs[runs.length - 1];
    const prev = last?.[last.length - 1];
    if (prev && Date.parse(`${d}T00:00:00Z`) - Date.parse(`${prev}T00:00:00Z`) === 86_400_000) last.push(d);
    else runs.push([d]);
  }
  return runs.map((r) => (r.length === 1 ? short(r[0]) : `${short(r[0])}至${short(r[r.length - 1])}（${r.length}天）`)).join('、');
}
