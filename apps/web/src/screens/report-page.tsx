import { useState, type ReactNode } from 'react';
import { api, downloadFile, unwrap, type Schemas } from '../api/client';
import { useSession } from '../auth/session';
import { Link } from '../router';
import { StackedBarChart } from '../ui/bar-chart';
import { DataTable } from '../ui/data-table';
import { monthOf, quarterOf, todayInShanghai } from '../ui/dates';
import { Empty, ErrorBox, Loading, PageHeader } from '../ui/feedback';
import { formatDateTime } from '../ui/format';
import { LevelBadge } from '../ui/level';
import { UnitSelect } from '../ui/unit-select';
import { useAction, useApi } from '../ui/use-api';

type Report = Schemas['EscalationReportDto'];
type Figure = Report['totals'];

const TREND_MONTHS = 6;

function Trend({ figure }: { figure: Figure }) {
  const t = figure.trend;
  const arrow = t.direction === 'up' ? '↑' : t.direction === 'down' ? '↓' : '→';
  return (
    <span className={`trend-${t.direction}`} title={`上期 ${t.previous}`}>
      {arrow} {t.delta > 0 ? `+${t.delta}` : t.delta}
      {t.changePct !== null && `（${t.changePct > 0 ? '+' : ''}${t.changePct}%）`}
    </span>
  );
}

/** 督办报表 (chief): what reached 催办/督办 in the period, by post, person and work item; trend; exports. */
export function ReportPage() {
  const { chiefUnits } = useSession();
  const today = todayInShanghai();
  const [unitId, setUnitId] = useState(chiefUnits[0]?.unitId);
  const [period, setPeriod] = useState(() => monthOf(today));
  if (!unitId) return <Empty>督办报表供科室正职查看。</Empty>;

  const query = { unitId, from: period.from, to: period.to };
  const presets = [
    { ...monthOf(today), label: '本月' },
    { ...monthOf(today, -1), label: '上月' },
    { ...quarterOf(today), label: '本季度' },
  ];
  return (
    <section>
      <PageHeader title="逾期督办报表">
        <UnitSelect units={chiefUnits} value={unitId} onChange={setUnitId} />
        <ExportButtons query={query} />
      </PageHeader>
      <div className="period-form">
        {presets.map((p) => (
          <button key={p.label} type="button" className={p.from === period.from && p.to === period.to ? 'primary' : ''} onClick={() => setPeriod(p)}>
            {p.label}
          </button>
        ))}
        <label>
          从 <input type="date" value={period.from} max={period.to} onChange={(e) => e.target.value && setPeriod({ ...period, from: e.target.value })} />
        </label>
        <label>
          至 <input type="date" value={period.to} min={period.from} onChange={(e) => e.target.value && setPeriod({ ...period, to: e.target.value })} />
        </label>
      </div>
      <ReportBody query={query} chart={<TrendChart unitId={unitId} today={today} />} />
    </section>
  );
}

function ExportButtons({ query }: { query: { unitId: string; from: string; to: string } }) {
  const exporter = useAction((format: 'csv' | 'xlsx') => {
    const qs = new URLSearchParams({ ...query, format });
    return downloadFile(`/api/reports/escalations?${qs}`, `escalations-${query.from}-${query.to}.${format}`);
  });
  return (
    <>
      <button type="button" disabled={exporter.busy} onClick={() => void exporter.run('csv')}>
        导出 CSV
      </button>
      <button type="button" disabled={exporter.busy} onClick={() => void exporter.run('xlsx')}>
        导出 Excel
      </button>
      <ErrorBox error={exporter.error} />
    </>
  );
}

function ReportBody({ query, chart }: { query: { unitId: string; from: string; to: string }; chart: ReactNode }) {
  const report = useApi(() => unwrap(api.GET('/api/reports/escalations', { params: { query } })), [query.unitId, query.from, query.to]);
  const data = report.data;
  if (!data) {
    return (
      <>
        <ErrorBox error={report.error} onRetry={report.reload} />
        {report.loading && <Loading />}
      </>
    );
  }
  const t = data.totals;
  return (
    <>
      <ErrorBox error={report.error} onRetry={report.reload} />
      <p className="muted">
        {data.unit.name} · {data.period.from} 至 {data.period.to}（与上期 {data.previousPeriod.from} 至 {data.previousPeriod.to} 比较）
        {report.loading && ' · 刷新中…'}
      </p>
      <div className="stat-cards">
        <Stat label="催办/督办次数" value={t.escalations} trend={<Trend figure={t} />} />
        <Stat label="涉及任务" value={t.tasks} />
        <Stat label="催办（L2）" value={t.level2} />
        <Stat label="督办（L3）" value={t.level3} />
        <Stat label="已阅" value={`${t.acknowledged}/${t.escalations}`} />
      </div>
      {chart}
      {data.items.length === 0 ? (
        <Empty>本期没有达到催办或督办的任务。</Empty>
      ) : (
        <>
          <FigureTable title="按岗位" rows={data.byPost} />
          <FigureTable title="按人员（当时在岗）" rows={data.byPerson} />
          <FigureTable title="按工作事项" rows={data.byWorkItem} />
          <h2>明细</h2>
          <DataTable columns={['任务', '等级', ['岗位 / 人员', 'hide-phone'], ['逾期工作日', 'num'], ['发生时间', 'hide-phone'], '状态']}>
            {data.items.map((i) => (
              <tr key={i.escalationId}>
                <td>
                  <Link to={`/tasks/${i.taskId}`}>{i.title}</Link>
                </td>
                <td>
                  <LevelBadge level={i.level} name={i.levelName} />
                </td>
                <td className="hide-phone">
                  {i.post.name}
                  {i.person && <div className="muted small">{i.person.name}</div>}
                </td>
                <td className="num">{i.overdueWorkdays}</td>
                <td className="hide-phone">{formatDateTime(i.reachedAt)}</td>
                <td>
                  {i.statusName}
                  <div className="muted small">{i.acknowledged ? '已阅' : '未阅'}</div>
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </>
  );
}

function Stat({ label, value, trend }: { label: string; value: number | string; trend?: ReactNode }) {
  return (
    <div className="stat">
      <div className="value">{value}</div>
      <div className="label">
        {label} {trend}
      </div>
    </div>
  );
}

function FigureTable({ title, rows }: { title: string; rows: Figure[] }) {
  if (rows.length === 0) return null;
  return (
    <>
      <h2>{title}</h2>
      <DataTable columns={[title.replace('按', ''), ['次数', 'num'], ['催办', 'num'], ['督办', 'num'], ['已阅', 'num hide-phone'], ['较上期', 'num']]}>
        {rows.map((r) => (
          <tr key={r.key ?? r.label ?? ''}>
            <td>{r.label ?? '（未关联）'}</td>
            <td className="num">{r.escalations}</td>
            <td className="num">{r.level2}</td>
            <td className="num">{r.level3}</td>
            <td className="num hide-phone">{r.acknowledged}</td>
            <td className="num">
              <Trend figure={r} />
            </td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}

/** The last months side by side: one report per month (each answers in well under a second). */
function TrendChart({ unitId, today }: { unitId: string; today: string }) {
  const months = Array.from({ length: TREND_MONTHS }, (_, i) => monthOf(today, i - TREND_MONTHS + 1));
  const trend = useApi(
    () => Promise.all(months.map((m) => unwrap(api.GET('/api/reports/escalations', { params: { query: { unitId, from: m.from, to: m.to } } })))),
    [unitId, today],
  );
  return (
    <div className="card">
      <h2>近 {TREND_MONTHS} 个月趋势</h2>
      <ErrorBox error={trend.error} onRetry={trend.reload} />
      {trend.data ? (
        <StackedBarChart
          title={`近${TREND_MONTHS}个月催办、督办次数`}
          groups={trend.data.map((r, i) => ({ label: months[i].label, values: { level2: r.totals.level2, level3: r.totals.level3 } }))}
          series={[
            { key: 'level2', label: '催办（L2）', colour: '#dd6b20' },
            { key: 'level3', label: '督办（L3）', colour: '#c53030' },
          ]}
        />
      ) : (
        trend.loading && <Loading />
      )}
    </div>
  );
}
