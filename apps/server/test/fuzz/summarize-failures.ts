import type { Failure } from './failure';

/** Failures grouped by expectation, target, status and detail, one example each. */
export function summarizeFailures(failures: Failure[]): string {
  const groups = new Map<string, Failure[]>();
  for (const f of failures) {
    const key = `[${f.check}] ${f.target} — ${f.status ?? 'no status'} — ${f.detail}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups]
    .map(([key, list]) => {
      const [example] = list;
      return `${key} (${list.length}×)\n    e.g. ${example?.label}\n    sent: ${example?.input}\n    got:  ${example?.output}`;
    })
    .join('\n');
}
