import { and, eq } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { byText } from './by-text';

/**
 * The query behind `readQuotas`: a user's monthly quotas, or the one in `unit`. The
 * synchronous budget check runs this same builder on SQLite (`.get()`).
 */
export function quotasQuery({ db, t }: DataSource, owner: string, unit?: string) {
  const { userQuotas } = t;
  return db
    .select({ unit: userQuotas.unit, cap: userQuotas.monthlyLimit })
    .from(userQuotas)
    .where(
      and(eq(userQuotas.userId, owner), unit === undefined ? undefined : eq(userQuotas.unit, unit)),
    );
}

/** A user's monthly quotas, as an admin set them, in unit order. */
export async function readQuotas(
  data: DataSource,
  owner: string,
): Promise<{ unit: string; cap: number }[]> {
  const rows = await quotasQuery(data, owner);
  return rows.sort((a, b) => byText(a.unit, b.unit));
}
