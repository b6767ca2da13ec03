import { describe, expect, it } from 'vitest';
import { firstRowFrom, rowOfItem } from './row-at';

const row = (start: number, count: number) => ({ start, count, height: 1, lefts: [], widths: [] });

describe('firstRowFrom', () => {
  const tops = [0, 100, 250, 400];
  it('finds the first row whose top is at or below the offset', () => {
    expect(firstRowFrom(tops, 3, 0)).toBe(0);
    expect(firstRowFrom(tops, 3, 1)).toBe(1);
    expect(firstRowFrom(tops, 3, 100)).toBe(1);
    expect(firstRowFrom(tops, 3, 249)).toBe(2);
  });
  it('says -1 past the last row or without rows', () => {
    expect(firstRowFrom(tops, 3, 251)).toBe(-1);
    expect(firstRowFrom([0], 0, 0)).toBe(-1);
  });
});

describe('rowOfItem', () => {
  const rows = [row(0, 3), row(3, 1), row(4, 4)];
  it('finds the row holding an item', () => {
    expect([0, 2, 3, 4, 7].map((i) => rowOfItem(rows, i))).toEqual([0, 0, 1, 2, 2]);
  });
  it('says -1 for an item no row holds', () => {
    expect(rowOfItem(rows, 8)).toBe(-1);
    expect(rowOfItem(rows, -1)).toBe(-1);
    expect(rowOfItem([], 0)).toBe(-1);
  });
});
