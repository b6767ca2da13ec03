import { describe, expect, it } from 'vitest';
import { clampAspect, justifyRows, type JustifiedRow } from './justify-rows';

const options = { width: 1000, targetHeight: 240, gap: 12 };

/** Where a row's last item ends. */
const rowEnd = (row: JustifiedRow) => (row.lefts.at(-1) ?? 0) + (row.widths.at(-1) ?? 0);

describe('justifyRows', () => {
  const aspects = [
    16 / 9,
    9 / 16,
    1,
    21 / 9,
    3 / 4,
    4 / 3,
    1,
    2 / 3,
    3 / 2,
    16 / 9,
    1,
    9 / 16,
    5 / 4,
  ];
  const rows = justifyRows(aspects, options);

  it('places every item once, in order', () => {
    expect(rows.map((r) => r.start)).toEqual(
      rows.map((_, i) => rows.slice(0, i).reduce((n, r) => n + r.count, 0)),
    );
    expect(rows.reduce((n, r) => n + r.count, 0)).toBe(aspects.length);
    for (const row of rows) {
      expect(row.lefts).toHaveLength(row.count);
      expect(row.widths).toHaveLength(row.count);
    }
  });

  it('fills every row but the last to the width exactly, with the gap between items', () => {
    expect(rows.length).toBeGreaterThan(2);
    for (const row of rows.slice(0, -1)) {
      expect(rowEnd(row)).toBe(options.width);
      expect(row.lefts[0]).toBe(0);
      for (let i = 1; i < row.count; i++) {
        const gap = (row.lefts[i] ?? 0) - (row.lefts[i - 1] ?? 0) - (row.widths[i - 1] ?? 0);
        expect(Math.abs(gap - options.gap)).toBeLessThanOrEqual(1);
      }
    }
  });

  it('keeps each item’s shape to within a pixel', () => {
    for (const row of rows) {
      row.widths.forEach((width, i) => {
        const aspect = clampAspect(aspects[row.start + i] ?? 1);
        expect(Math.abs(width - aspect * row.height)).toBeLessThanOrEqual(1.5);
      });
    }
  });

  it('keeps full rows near the target height', () => {
    for (const row of rows.slice(0, -1)) {
      expect(row.height).toBeGreaterThan(options.targetHeight * 0.6);
      expect(row.height).toBeLessThan(options.targetHeight * 1.6);
    }
  });

  it('does not stretch the last row', () => {
    const [only] = justifyRows([1, 1], options);
    expect(only).toMatchObject({
      start: 0,
      count: 2,
      height: 240,
      lefts: [0, 252],
      widths: [240, 240],
    });
    const last = rows.at(-1);
    expect(last?.height).toBeLessThanOrEqual(options.targetHeight);
    expect(rowEnd(last as JustifiedRow)).toBeLessThanOrEqual(options.width);
  });

  it('lays out no items as no rows, and one item at the target height', () => {
    expect(justifyRows([], options)).toEqual([]);
    expect(justifyRows([1], { ...options, width: 0 })).toEqual([]);
    expect(justifyRows([4 / 3], options)).toEqual([
      { start: 0, count: 1, height: 240, lefts: [0], widths: [320] },
    ]);
  });

  it('shrinks a single item wider than the container to fit it', () => {
    const [row] = justifyRows([21 / 9], { width: 358, targetHeight: 200, gap: 8 });
    expect(row?.widths).toEqual([358]);
    expect(row?.height).toBe(Math.round(358 / (21 / 9)));
  });

  it('crops extreme shapes to sensible bounds: 21:9 fits, 1:8 and 8:1 do not', () => {
    expect(clampAspect(21 / 9)).toBeCloseTo(21 / 9);
    expect(clampAspect(9 / 16)).toBeCloseTo(9 / 16);
    expect(clampAspect(1 / 8)).toBe(0.5);
    expect(clampAspect(8)).toBe(3);
    expect(clampAspect(Number.NaN)).toBe(1);
    expect(clampAspect(0)).toBe(1);
    const [row] = justifyRows([1 / 8, 1 / 8, 8], options);
    expect(row?.widths[0]).toBe(Math.round(0.5 * (row?.height ?? 0)));
    expect(row?.widths[2]).toBeLessThanOrEqual(Math.round(3 * (row?.height ?? 0)) + 1);
  });

  it('puts about two squares in a row on a phone and four or five on a desktop', () => {
    const squares = Array.from({ length: 20 }, () => 1);
    const phone = justifyRows(squares, { width: 358, targetHeight: 160, gap: 8 });
    expect(phone[0]?.count).toBe(2);
    const desktop = justifyRows(squares, { width: 1100, targetHeight: 240, gap: 12 });
    expect(desktop[0]?.count).toBeGreaterThanOrEqual(4);
  });
});
