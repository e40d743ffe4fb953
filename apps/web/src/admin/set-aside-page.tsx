import { DataTable } from '../ui/data-table';
import { Empty, ErrorBox, Loading, PageHeader } from '../ui/feedback';
import { formatDateTime } from '../ui/format';
import { useAction, useApi } from '../ui/use-api';
import { adminApi, type SetAsideRow } from './admin-api';

/** What each batch is, as an administrator knows it, and what its reference names. */
const KIND_NAMES: Record<string, { batch: string; ref: string }> = {
  ESCALATION_SWEEP: { batch: '逾期督办扫描', ref: '任务' },
  TASK_GENERATION: { batch: '周期任务生成', ref: '事项计划' },
  OUTBOX_DISPATCH: { batch: '通知派发', ref: '通知' },
  OUTBOX_DELIVERY: { batch: '通知投递', ref: '通知' },
};

/**
 * 暂置记录: rows whose processing failed (bad data, a bug) and were set aside so that the rest of
 * their batch went on. Each is retried by itself after its backoff; 立即重试 makes it due at once,
 * e.g. after its data was fixed.
 */
export function SetAsidePage() {
  const rows = useApi(() => adminApi.setAside(), []);
  const retry = useAction(async (id: string) => {
    await adminApi.retrySetAside(id);
    rows.reload();
  });

  return (
    <section>
      <PageHeader title="暂置记录" />
      <p className="muted">处理失败的记录会被暂置并按 1、2、4……分钟（最长 1 小时）的间隔自动重试，其余记录照常处理；修正数据后可立即重试，成功后记录自动消失。</p>
      <ErrorBox error={retry.error} />
      {rows.loading && !rows.data ? <Loading /> : null}
      <ErrorBox error={rows.error} onRetry={rows.reload} />
      {rows.data && rows.data.length === 0 ? <Empty>没有暂置记录，所有批处理均正常。</Empty> : null}
      {rows.data && rows.data.length > 0 ? (
        <DataTable columns={['环节', '对象', '错误', ['失败次数', 'num'], ['首次失败', 'hide-phone'], '最近失败', '下次重试', '']}>
          {rows.data.map((r: SetAsideRow) => (
            <tr key={r.id}>
              <td>{KIND_NAMES[r.kind]?.batch ?? r.kind}</td>
              <td>
                {KIND_NAMES[r.kind]?.ref ?? '记录'} <code>{r.refId.slice(0, 8)}</code>
              </td>
              <td>
                <code>{r.errorCode}</code> {r.errorMessage}
              </td>
              <td className="num">{r.attempts}</td>
              <td className="hide-phone">{formatDateTime(r.firstFailedAt)}</td>
              <td>{formatDateTime(r.lastFailedAt)}</td>
              <td>{formatDateTime(r.retryAfter)}</td>
              <td>
                <button type="button" onClick={() => void retry.run(r.id)} disabled={retry.busy}>
                  立即重试
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </section>
  );
}
