import type { UsageRow } from '@genhub/core/schemas';

export interface ModelUsage {
  /** "provider · model". */
  key: string;
  tasks: number;
  images: number;
  videos: number;
  generatingMs: number;
  /** What it cost, per unit, in first-seen order (free work has the unit `free`, amount 0). */
  amounts: { unit: string; amount: number }[];
  /** Part of an amount is a list-price estimate. */
  estimated: boolean;
}

/** The usage rows summed per provider and model, free work included, busiest first. */
export function groupUsageByModel(rows: UsageRow[]): ModelUsage[] {
  const byModel = new Map<string, ModelUsage>();
  for (const row of rows) {
    const key = `${row.provider} · ${row.model}`;
    const entry = byModel.get(key) ?? {
      key,
      tasks: 0,
      images: 0,
      videos: 0,
      generatingMs: 0,
      amounts: [],
      estimated: false,
    };
    entry.tasks += row.tasks;
    entry.images += row.images;
    entry.videos += row.videos;
    entry.generatingMs += row.generatingMs;
    entry.estimated ||= row.estimated;
    const amount = entry.amounts.find((a) => a.unit === row.unit);
    if (amount) amount.amount += row.amount;
    else entry.amounts.push({ unit: row.unit, amount: row.amount });
    byModel.set(key, entry);
  }
  return [...byModel.values()].sort((a, b) => b.tasks - a.tasks);
}
