import { and, eq } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { rows, type Unit } from '../data/unit-of-work';
import { byText } from './by-text';

/**
 * A user's monthly quotas as an admin set them, in unit order; only the one in `unit` when
 * given. A unit, so the budget check reads it in the accept's transaction.
 */
export function* selectQuotas(
  { db, t }: DataSource,
  owner: string,
  unit?: string,
): Unit<{ unit: string; cap: number }[]> {
  const { userQuotas } = t;
  const found = yield* rows(
    db
      .select({ unit: userQuotas.unit, cap: userQuotas.monthlyLimit })
      .from(userQuotas)
      .where(
        and(
          eq(userQuotas.userId, owner),
          unit === undefined ? undefined : eq(userQuotas.unit, unit),
        ),
      ),
  );
  return found.sort((a, b) => byText(a.unit, b.unit));
}

/** `selectQuotas`, on its own. */
export function readQuotas(
  data: DataSource,
  owner: string,
  unit?: string,
): Promise<{ unit: string; cap: number }[]> {
  return data.run((source) => selectQuotas(source, owner, unit));
}
