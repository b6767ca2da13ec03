import type { ReactNode } from 'react';
import { headCell, table } from './settings-styles';

/** A table that scrolls sideways on narrow screens; `actions` adds a last column for buttons. */
export function DataTable({
  testId,
  headings,
  actions,
  children,
}: {
  testId: string;
  headings: readonly string[];
  /** The actions column's name, read to assistive tech only. */
  actions?: string;
  children: ReactNode;
}) {
  return (
    <div className="overflow-x-auto">
      <table className={table} data-testid={testId}>
        <thead>
          <tr>
            {headings.map((heading) => (
              <th key={heading} className={headCell}>
                {heading}
              </th>
            ))}
            {actions !== undefined && (
              <th className={headCell}>
                <span className="sr-only">{actions}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
