import type { ReactNode } from 'react';

/** A titled card holding a list (a task's checklist, extension requests, escalations). */
export function ListCard({ title, listClassName = 'plain-list', children }: { title: string; listClassName?: string; children: ReactNode }) {
  return (
    <div className="card">
      <h2>{title}</h2>
      <ul className={listClassName}>{children}</ul>
    </div>
  );
}
