import { freeUnit } from '../lib/format-cost';

/** The price units a quota can be set in: every model's, and any already used, sorted. */
export function quotaUnits(
  providers: readonly { models: readonly { price: { unit: string } | null }[] }[],
  used: readonly string[],
): string[] {
  const units = new Set(used);
  for (const p of providers) for (const m of p.models) if (m.price) units.add(m.price.unit);
  units.delete(freeUnit);
  return [...units].sort();
}
