import { describe, expect, it } from 'vitest';
import type { UsageRow } from '@genhub/core/schemas';
import { groupUsageByModel } from './group-usage-by-model';

const row = (over: Partial<UsageRow>): UsageRow => ({
  day: '2026-04-01',
  provider: 'local',
  model: 'local-preview',
  planId: null,
  unit: 'free',
  amount: 0,
  tasks: 1,
  images: 1,
  videos: 0,
  generatingMs: 1000,
  estimated: true,
  ...over,
});

describe('usage by model', () => {
  it('sums free work too, across days and plans, busiest first', () => {
    expect(
      groupUsageByModel([
        row({ provider: 'kie', model: 'nano', unit: 'credits', amount: 4, estimated: false }),
        row({ images: 2, generatingMs: 60_000 }),
        row({ day: '2026-04-02', planId: 'p1', images: 0, videos: 1, generatingMs: 30_000 }),
      ]),
    ).toEqual([
      {
        key: 'local · local-preview',
        tasks: 2,
        images: 2,
        videos: 1,
        generatingMs: 90_000,
        amounts: [{ unit: 'free', amount: 0 }],
        estimated: true,
      },
      {
        key: 'kie · nano',
        tasks: 1,
        images: 1,
        videos: 0,
        generatingMs: 1000,
        amounts: [{ unit: 'credits', amount: 4 }],
        estimated: false,
      },
    ]);
  });

  it('keeps a model’s units apart', () => {
    const [only] = groupUsageByModel([
      row({ unit: 'credits', amount: 2 }),
      row({ unit: 'USD', amount: 0.5 }),
      row({ unit: 'credits', amount: 3 }),
    ]);
    expect(only?.amounts).toEqual([
      { unit: 'credits', amount: 5 },
      { unit: 'USD', amount: 0.5 },
    ]);
  });
});
