import { readSpentSince } from '@genhub/db';
import type { CoreContext } from '../context';
import { monthStart } from '../costs/month-start';

export interface UnitSpend {
  unit: string;
  amount: number;
}

/** Every price unit the providers' models are sold in, and every unit with a monthly cap. */
function knownUnits(ctx: Pick<CoreContext, 'providers' | 'monthlyBudgets'>): string[] {
  const units = new Set(ctx.monthlyBudgets?.keys());
  for (const adapter of ctx.providers.all()) {
    for (const model of adapter.models) if (model.price) units.add(model.price.unit);
  }
  return [...units].sort();
}

/**
 * What every user's tasks cost this calendar month (UTC) in each known unit, at their actual
 * cost: one index search per unit, the same sum the monthly budget check reads.
 */
export async function spendThisMonth(ctx: CoreContext): Promise<UnitSpend[]> {
  const since = monthStart(ctx.clock.now(), 0);
  return Promise.all(
    knownUnits(ctx).map(async (unit) => ({
      unit,
      amount: await readSpentSince(ctx.data, unit, since),
    })),
  );
}
