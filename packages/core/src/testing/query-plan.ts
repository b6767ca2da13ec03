import type { DbHandle } from '@genhub/db';

/** SQLite's plan for a statement, one step a line: what index tests assert against. */
export function queryPlan(sqlite: DbHandle['sqlite'], sql: string, ...params: unknown[]): string {
  return (sqlite.prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[])
    .map((row) => row.detail)
    .join('\n');
}
