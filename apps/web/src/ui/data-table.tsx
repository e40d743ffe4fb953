import type { ReactNode } from 'react';

/** A header cell: its text, or [text, class] (e.g. 'num' right-aligns, 'hide-phone' drops it on a phone). */
export type Column = string | readonly [label: string, className: string];

/** The scrolling table every screen uses: one header row from `columns`, the rows as children. */
export function DataTable({ columns, className, children }: { columns: readonly Column[]; className?: string; children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table className={className}>
        <thead>
          <tr>
            {columns.map((c) => (typeof c === 'string' ? <th key={c}>{c}</th> : <th key={c[0]} className={c[1]}>{c[0]}</th>))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
