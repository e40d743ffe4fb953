import type { ReactNode } from 'react';
import type { ApiError } from '../api/client';

/** Shown while a screen's data is on its way (slow networks: the user sees that something happens). */
export function Loading({ label = '加载中…' }: { label?: string }) {
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

/** The API's own message, with its code and request id for whoever has to look it up. */
export function ErrorBox({ error, onRetry }: { error: ApiError | undefined; onRetry?: () => void }) {
  if (!error) return null;
  return (
    <div className="error-box" role="alert">
      <strong>{error.message}</strong>
      <span className="error-code">
        {error.code}
        {error.requestId ? ` · 请求编号 ${error.requestId}` : ''}
      </span>
      {onRetry && (
        <button type="button" className="link-button" onClick={onRetry}>
          重试
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

/** A screen's title row, with actions on the right. */
export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="page-header">
      <h1>{title}</h1>
      {children && <div className="page-actions">{children}</div>}
    </div>
  );
}
