import { useState, type FormEvent } from 'react';
import { downloadFile, uploadWithProgress } from '../../api/client';
import { ErrorBox } from '../../ui/feedback';
import { formatBytes, formatDateTime } from '../../ui/format';
import { useAction } from '../../ui/use-api';
import { EVIDENCE_NAMES, type Evidence } from './task-types';

function describe(item: Evidence): string {
  const c = item.content as Record<string, unknown>;
  const text = [c.title, c.text, c.number, c.url, c.description, c.conclusions].find((v) => typeof v === 'string' && v);
  return typeof text === 'string' ? text : '';
}

/** The task's evidence; the upload form shows only when the caller may add (allowedActions). */
export function EvidencePanel({ taskId, items, required, canAdd, onAdded }: { taskId: string; items: Evidence[]; required: string[]; canAdd: boolean; onAdded: () => void }) {
  const current = items.filter((i) => i.current);
  const present = new Set<string>(current.map((i) => i.kind));
  const download = useAction((item: Evidence) => downloadFile(`/api/evidence/${item.id}/download`, item.fileName ?? 'evidence'));
  return (
    <div>
      {required.length > 0 && (
        <ul className="required-evidence">
          {required.map((kind) => (
            <li key={kind} className={present.has(kind) ? 'ok' : 'missing'}>
              {present.has(kind) ? '✓' : '○'} {EVIDENCE_NAMES[kind] ?? kind}
              {!present.has(kind) && <span className="muted">（报审前须提供）</span>}
            </li>
          ))}
        </ul>
      )}
      {current.length === 0 ? (
        <p className="muted">尚未提交履职材料。</p>
      ) : (
        <ul className="evidence-list">
          {current.map((item) => (
            <li key={item.id}>
              <span className="badge">{EVIDENCE_NAMES[item.kind] ?? item.kind}</span>{' '}
              {item.kind === 'FILE' && (
                <button type="button" className="link-button" onClick={() => void download.run(item)}>
                  {item.fileName}
                </button>
              )}
              {describe(item) && <span> {describe(item)}</span>}
              {item.size !== null && <span className="muted"> {formatBytes(item.size)}</span>}
              <span className="muted"> · {formatDateTime(item.createdAt)}</span>
            </li>
          ))}
        </ul>
      )}
      <ErrorBox error={download.error} />
      {canAdd && <UploadForm taskId={taskId} onAdded={onAdded} />}
    </div>
  );
}

function UploadForm({ taskId, onAdded }: { taskId: string; onAdded: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [description, setDescription] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const upload = useAction(async () => {
    if (!file) return;
    const form = new FormData();
    if (description.trim()) form.append('description', description.trim());
    // The file goes last: the API reads the fields before it streams the file to disk.
    form.append('file', file, file.name);
    setProgress(0);
    try {
      await uploadWithProgress(`/api/tasks/${taskId}/evidence`, form, setProgress);
    } finally {
      setProgress(null);
    }
    setFile(null);
    setDescription('');
    setInputKey((k) => k + 1);
    onAdded();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void upload.run();
  };
  return (
    <form className="upload-form" onSubmit={submit}>
      <label>
        上传履职材料（文件）
        <input key={inputKey} type="file" name="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </label>
      <label>
        说明（可选）
        <input value={description} onChange={(e) => setDescription(e.target.value)} maxLength={500} />
      </label>
      {progress !== null && (
        <div className="progress" role="progressbar" aria-label="上传进度" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(progress * 100)}>
          <div style={{ width: `${Math.round(progress * 100)}%` }} />
        </div>
      )}
      <ErrorBox error={upload.error} />
      <button type="submit" disabled={!file || upload.busy}>
        {upload.busy ? `上传中 ${Math.round((progress ?? 0) * 100)}%` : '上传'}
      </button>
    </form>
  );
}
