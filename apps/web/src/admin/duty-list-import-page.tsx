import { useRef, useState } from 'react';
import { DataTable } from '../ui/data-table';
import { ErrorBox, PageHeader } from '../ui/feedback';
import { useAction } from '../ui/use-api';
import { adminApi, type DiffEntity, type ImportSummary } from './admin-api';

// A change names its entity in the singular; the counts are keyed in the plural.
const ENTITIES: { key: DiffEntity; counts: keyof ImportSummary['counts']; label: string }[] = [
  { key: 'post', counts: 'posts', label: '岗位' },
  { key: 'workItem', counts: 'workItems', label: '工作事项' },
  { key: 'responsibility', counts: 'responsibilities', label: '岗位责任' },
  { key: 'function', counts: 'functions', label: '岗位职能' },
  { key: 'cooperation', counts: 'cooperations', label: '配合关系' },
];
const ACTIONS = { create: '新增', update: '修改', retire: '停用' } as const;

type Step = 'choose' | 'review' | 'done';

/**
 * 履职清单导入: a file is first read as a dry run and its differences from the stored catalogue
 * shown; only a confirmation writes it (one revision per unit; removed items are retired).
 */
export function DutyListImportPage() {
  const [file, setFile] = useState<File | null>(null);
  const [diff, setDiff] = useState<ImportSummary | null>(null);
  const [result, setResult] = useState<ImportSummary | null>(null);
  const [progress, setProgress] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const step: Step = result ? 'done' : diff ? 'review' : 'choose';

  const dryRun = useAction(async (f: File) => {
    setProgress(0);
    setDiff(await adminApi.importDutyList(f, true, setProgress));
  });
  const confirm = useAction(async (f: File) => {
    setProgress(0);
    setResult(await adminApi.importDutyList(f, false, setProgress));
  });
  const busy = dryRun.busy || confirm.busy;

  const choose = (f: File | null) => {
    setFile(f);
    setDiff(null);
    setResult(null);
    dryRun.clearError();
    confirm.clearError();
  };
  const restart = () => {
    choose(null);
    if (input.current) input.current.value = '';
  };

  return (
    <section>
      <PageHeader title="履职清单导入" />
      <ol className="steps" aria-label="导入步骤">
        <li className={step === 'choose' ? 'current' : 'past'}>选择文件</li>
        <li className={step === 'review' ? 'current' : step === 'done' ? 'past' : ''}>核对差异</li>
        <li className={step === 'done' ? 'current' : ''}>确认导入</li>
      </ol>

      <div className="card">
        <p className="muted admin-hint">
          支持从 Word / PDF 复制的制表符文本、CSV 和 XLSX（UTF-8 或 GBK 编码）。每次导入一个内设机构；文件先试导入，核对差异后再确认。
        </p>
        <div className="import-row">
          <label className="file-field">
            履职清单文件
            <input
              ref={input}
              type="file"
              name="file"
              accept=".txt,.tsv,.csv,.xlsx,text/plain,text/csv"
              disabled={busy}
              onChange={(e) => choose(e.target.files?.[0] ?? null)}
            />
          </label>
          <button type="button" className="primary" disabled={!file || busy || step !== 'choose'} onClick={() => file && void dryRun.run(file)}>
            {dryRun.busy ? '正在分析…' : '试导入并查看差异'}
          </button>
        </div>
        {busy && (
          <div className="progress" role="progressbar" aria-valuenow={Math.round(progress * 100)} aria-valuemin={0} aria-valuemax={100} aria-label="上传进度">
            <div style={{ width: `${Math.round(progress * 100)}%` }} />
          </div>
        )}
        <ErrorBox error={dryRun.error} />
      </div>

      {diff && !result && (
        <div className="card" data-testid="import-diff">
          <h2>差异预览</h2>
          <ImportFacts summary={diff} />
          {diff.unchanged ? (
            <p className="notice">文件内容与当前清单一致，导入不会有任何变化。</p>
          ) : (
            <>
              <CountsTable summary={diff} />
              <ChangeList summary={diff} />
            </>
          )}
          <Warnings summary={diff} />
          <div className="page-actions admin-actions">
            <button type="button" className="primary" disabled={busy || diff.unchanged} onClick={() => file && void confirm.run(file)}>
              {confirm.busy ? '正在导入…' : '确认导入'}
            </button>
            <button type="button" disabled={busy} onClick={restart}>
              放弃
            </button>
          </div>
          <ErrorBox error={confirm.error} />
        </div>
      )}

      {result && (
        <div className="card result-card" data-testid="import-result" role="status">
          <h2>导入完成</h2>
          <p>
            {result.unit.name}
            {result.unit.created ? '（新建内设机构）' : ''}已更新
            {result.revision !== null ? `，清单版本 第${result.revision}版` : ''}。
          </p>
          <CountsTable summary={result} />
          <Warnings summary={result} />
          <button type="button" onClick={restart}>
            导入另一个文件
          </button>
        </div>
      )}
    </section>
  );
}

function ImportFacts({ summary }: { summary: ImportSummary }) {
  return (
    <dl className="facts">
      <dt>内设机构</dt>
      <dd>
        {summary.unit.name}
        {summary.unit.created && <span className="badge diff-create">新建</span>}
      </dd>
      <dt>文件</dt>
      <dd>
        {summary.file}（{summary.format.toUpperCase()}，{summary.encoding}）
      </dd>
    </dl>
  );
}

function CountsTable({ summary }: { summary: ImportSummary }) {
  return (
    <DataTable className="counts-table" columns={['类别', ['新增', 'num'], ['修改', 'num'], ['停用', 'num'], ['不变', 'num']]}>
      {ENTITIES.map(({ key, counts, label }) => {
        const c = summary.counts[counts];
        return (
          <tr key={key}>
            <td>{label}</td>
            <td className={c.created ? 'num diff-create-text' : 'num'}>{c.created}</td>
            <td className={c.updated ? 'num diff-update-text' : 'num'}>{c.updated}</td>
            <td className={c.retired ? 'num diff-retire-text' : 'num'}>{c.retired}</td>
            <td className="num muted">{c.unchanged}</td>
          </tr>
        );
      })}
    </DataTable>
  );
}

function ChangeList({ summary }: { summary: ImportSummary }) {
  return (
    <div className="change-groups">
      {ENTITIES.map(({ key, label }) => {
        const changes = summary.changes.filter((c) => c.entity === key);
        if (changes.length === 0) return null;
        return (
          <details key={key} open={changes.length <= 30}>
            <summary>
              {label}（{changes.length}项变化）
            </summary>
            <ul className="change-list">
              {changes.map((c, i) => (
                <li key={i} className={`change change-${c.action}`}>
                  <span className={`badge diff-${c.action}`}>{ACTIONS[c.action]}</span>
                  <span className="change-path">{c.path}</span>
                  {c.text && <span className="change-text">{c.text}</span>}
                </li>
              ))}
            </ul>
          </details>
        );
      })}
    </div>
  );
}

function Warnings({ summary }: { summary: ImportSummary }) {
  if (summary.warnings.length === 0) return null;
  return (
    <details className="warnings">
      <summary>解析提示（{summary.warnings.length}条）</summary>
      <ul>
        {summary.warnings.map((w, i) => (
          <li key={i}>
            {w.line ? `第${w.line}行${w.column ? `「${w.column}」列` : ''}：` : ''}
            {w.message}
          </li>
        ))}
      </ul>
    </details>
  );
}
