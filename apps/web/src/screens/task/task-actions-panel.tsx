import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { ErrorBox } from '../../ui/feedback';
import { useAction } from '../../ui/use-api';
import { dateOnly, type AllowedAction, type Task } from './task-types';

type Form = 'return' | 'extension' | 'cancel' | null;

/**
 * The buttons of what the caller may do now (the API's allowedActions); nothing else is shown.
 * After any action the page reloads the task, so the next allowed step appears.
 */
export function TaskActionsPanel({ task, allowed, onDone }: { task: Task; allowed: AllowedAction[]; onDone: () => void }) {
  const [form, setForm] = useState<Form>(null);
  const [text, setText] = useState('');
  const [date, setDate] = useState('');
  const can = (a: AllowedAction) => allowed.includes(a);
  const path = { params: { path: { id: task.id } } };
  const pending = task.extensionRequests.find((r) => r.status === 'PENDING');

  const action = useAction(async (kind: AllowedAction | 'REJECT_EXTENSION') => {
    switch (kind) {
      case 'ACCEPT':
        await unwrap(api.POST('/api/tasks/{id}/accept', path));
        break;
      case 'START':
        await unwrap(api.POST('/api/tasks/{id}/start', path));
        break;
      case 'SUBMIT':
        await unwrap(api.POST('/api/tasks/{id}/submit', path));
        break;
      case 'APPROVE':
        await unwrap(api.POST('/api/tasks/{id}/approve', path));
        break;
      case 'RETURN':
        await unwrap(api.POST('/api/tasks/{id}/return', { ...path, body: { reason: text.trim() } }));
        break;
      case 'CANCEL':
        await unwrap(api.POST('/api/tasks/{id}/cancel', { ...path, body: { reason: text.trim() } }));
        break;
      case 'REQUEST_EXTENSION':
        await unwrap(api.POST('/api/tasks/{id}/extension-requests', { ...path, body: { reason: text.trim(), newDueDate: date } }));
        break;
      case 'DECIDE_EXTENSION':
        await unwrap(api.POST('/api/extension-requests/{id}/approve', { params: { path: { id: pending!.id } }, body: { note: text.trim() || undefined } }));
        break;
      case 'REJECT_EXTENSION':
        await unwrap(api.POST('/api/extension-requests/{id}/reject', { params: { path: { id: pending!.id } }, body: { note: text.trim() || undefined } }));
        break;
      default:
        return;
    }
    setForm(null);
    setText('');
    setDate('');
    onDone();
  });

  const lifecycle = allowed.filter((a) => a !== 'ADD_EVIDENCE');
  if (lifecycle.length === 0) return <p className="muted">当前没有需要您处理的操作。</p>;
  const open = (f: Form) => {
    action.clearError();
    setForm(form === f ? null : f);
  };

  return (
    <div className="actions-panel">
      <div className="action-buttons">
        {can('ACCEPT') && (
          <button type="button" className="primary" disabled={action.busy} onClick={() => void action.run('ACCEPT')}>
            签收
          </button>
        )}
        {can('START') && (
          <button type="button" className="primary" disabled={action.busy} onClick={() => void action.run('START')}>
            开始办理
          </button>
        )}
        {can('SUBMIT') && (
          <button type="button" className="primary" disabled={action.busy} onClick={() => void action.run('SUBMIT')}>
            提交审核
          </button>
        )}
        {can('APPROVE') && (
          <button type="button" className="primary" disabled={action.busy} onClick={() => void action.run('APPROVE')}>
            通过
          </button>
        )}
        {can('RETURN') && (
          <button type="button" className="danger" disabled={action.busy} onClick={() => open('return')}>
            退回
          </button>
        )}
        {can('REQUEST_EXTENSION') && (
          <button type="button" disabled={action.busy} onClick={() => open('extension')}>
            延期申请
          </button>
        )}
        {can('CANCEL') && (
          <button type="button" disabled={action.busy} onClick={() => open('cancel')}>
            撤销任务
          </button>
        )}
      </div>

      {can('DECIDE_EXTENSION') && pending && (
        <div className="card inset">
          <p>
            延期申请：延至 <strong>{dateOnly(pending.newDueDate)}</strong>，理由：{pending.reason}
          </p>
          <label>
            审批意见（可选）
            <input value={text} onChange={(e) => setText(e.target.value)} maxLength={1000} />
          </label>
          <div className="action-buttons">
            <button type="button" className="primary" disabled={action.busy} onClick={() => void action.run('DECIDE_EXTENSION')}>
              批准延期
            </button>
            <button type="button" className="danger" disabled={action.busy} onClick={() => void action.run('REJECT_EXTENSION')}>
              驳回
            </button>
          </div>
        </div>
      )}

      {form === 'return' && (
        <ReasonForm label="退回意见" submitLabel="确认退回" busy={action.busy} text={text} setText={setText} onSubmit={() => void action.run('RETURN')} />
      )}
      {form === 'cancel' && (
        <ReasonForm label="撤销理由" submitLabel="确认撤销" busy={action.busy} text={text} setText={setText} onSubmit={() => void action.run('CANCEL')} />
      )}
      {form === 'extension' && (
        <div className="card inset">
          <label>
            延期至
            <input type="date" value={date} min={dateOnly(task.dueDate)} onChange={(e) => setDate(e.target.value)} required />
          </label>
          <ReasonForm label="延期理由" submitLabel="提交申请" busy={action.busy || !date} text={text} setText={setText} onSubmit={() => void action.run('REQUEST_EXTENSION')} />
        </div>
      )}
      <ErrorBox error={action.error} />
    </div>
  );
}

function ReasonForm(props: { label: string; submitLabel: string; busy: boolean; text: string; setText: (v: string) => void; onSubmit: () => void }) {
  return (
    <div className="reason-form">
      <label>
        {props.label}
        <textarea value={props.text} onChange={(e) => props.setText(e.target.value)} maxLength={1000} required />
      </label>
      <button type="button" className="primary" disabled={props.busy || !props.text.trim()} onClick={props.onSubmit}>
        {props.submitLabel}
      </button>
    </div>
  );
}
