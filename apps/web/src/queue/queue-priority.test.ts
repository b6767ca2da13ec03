import { describe, expect, it } from 'vitest';
import { runNextPriority, steppedPriority } from './queue-priority';
import type { WaitingRow } from './waiting-groups';

const row = (id: string, priority: number, position: number): WaitingRow => ({
  id,
  provider: 'local',
  position,
  priority,
  nextRunAt: null,
  prompt: id,
  operation: 'generate',
  assetIds: [],
  inputName: null,
  cost: null,
});

describe('queue priority controls', () => {
  const rows = [row('a', 2, 1), row('b', 0, 2), row('c', 0, 3)];

  it('run a task next by going one above the highest, unless it is first already', () => {
    expect(runNextPriority(rows, rows[2]!)).toBe(3);
    expect(runNextPriority(rows, rows[0]!)).toBeNull();
    const capped = [row('a', 100, 1), row('b', 99, 2)];
    expect(runNextPriority(capped, capped[1]!)).toBe(100);
    const full = [row('a', 100, 1), row('b', 100, 2)];
    expect(runNextPriority(full, full[1]!)).toBeNull();
  });

  it('step within the allowed range', () => {
    expect(steppedPriority(row('a', 0, 1), 1)).toBe(1);
    expect(steppedPriority(row('a', 0, 1), -1)).toBe(-1);
    expect(steppedPriority(row('a', 100, 1), 1)).toBeNull();
    expect(steppedPriority(row('a', -100, 1), -1)).toBeNull();
  });
});
