import { setPriorityInput } from '@genhub/core/schemas';
import type { WaitingRow } from './waiting-groups';

const range = setPriorityInput.shape.priority;
const highest = range.maxValue ?? 100;
const lowest = range.minValue ?? -100;

/**
 * The priority that makes a waiting task run next among the user's own (the queue is fair
 * between users, then by priority): one above the highest listed, within the allowed range.
 * Null when it is first already or cannot go higher.
 */
export function runNextPriority(rows: readonly WaitingRow[], row: WaitingRow): number | null {
  if (rows[0]?.id === row.id || row.priority >= highest) return null;
  return Math.min(highest, Math.max(...rows.map((r) => r.priority)) + 1);
}

/** One step up or down in priority, or null past the end of the allowed range. */
export function steppedPriority(row: WaitingRow, step: 1 | -1): number | null {
  const next = row.priority + step;
  return next > highest || next < lowest ? null : next;
}
