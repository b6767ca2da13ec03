import type { JustifiedRow } from './justify-rows';

/**
 * The first row that starts at or below `offset`, given each row's top in order (a last entry
 * for the end may follow); -1 when none does.
 */
export function firstRowFrom(tops: readonly number[], rowCount: number, offset: number): number {
  let low = 0;
  let high = rowCount;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((tops[mid] ?? Infinity) < offset) low = mid + 1;
    else high = mid;
  }
  return low < rowCount ? low : -1;
}

/** The row that holds item `index`; -1 when no row does. */
export function rowOfItem(rows: readonly JustifiedRow[], index: number): number {
  let low = 0;
  let high = rows.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const row = rows[mid];
    if (!row) return -1;
    if (index < row.start) high = mid - 1;
    else if (index >= row.start + row.count) low = mid + 1;
    else return mid;
  }
  return -1;
}
