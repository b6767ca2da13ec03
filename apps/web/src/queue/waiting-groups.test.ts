import { describe, expect, it } from 'vitest';
import type { QueueStatus } from '@genhub/core/schemas';
import { waitingGroups, type WaitingRow } from './waiting-groups';

const waiting = (id: string, provider: string, position: number): WaitingRow => ({
  id,
  provider,
  position,
  priority: 0,
  nextRunAt: null,
  prompt: id,
  operation: 'generate',
  assetIds: [],
  inputName: null,
  cost: null,
});

const status = (over: Partial<QueueStatus>): QueueStatus => ({
  paused: { all: false, providers: [] },
  counts: [],
  running: [],
  pending: [],
  ...over,
});

describe('the waiting groups of the queue panel', () => {
  it('group waiting rows by provider in run order, with totals past the listed ones', () => {
    const groups = waitingGroups(
      status({
        counts: [
          { provider: 'local', status: 'pending', count: 120 },
          { provider: 'kie', status: 'processing', count: 1 },
          { provider: 'fal', status: 'completed', count: 4 },
        ],
        pending: [waiting('b', 'local', 3), waiting('a', 'local', 1)],
        paused: { all: false, providers: ['replicate'] },
      }),
    );
    expect(groups.map((g) => [g.provider, g.rows.map((r) => r.id), g.total, g.paused])).toEqual([
      ['kie', [], 0, false],
      ['local', ['a', 'b'], 120, false],
      ['replicate', [], 0, true],
    ]);
  });

  it('show every provider paused while the whole queue is', () => {
    const groups = waitingGroups(
      status({
        paused: { all: true, providers: [] },
        counts: [{ provider: 'local', status: 'pending', count: 1 }],
        pending: [waiting('a', 'local', 1)],
      }),
    );
    expect(groups.map((g) => g.paused)).toEqual([true]);
  });
});
