import { and, eq } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { exec, type Unit } from '../data/unit-of-work';

export interface UserQuotaChange {
  userId: string;
  /** A price unit: `credits`, `USD`, … */
  unit: string;
  /** Null removes the quota for this unit. */
  monthlyLimit: number | null;
  /** Epoch milliseconds. */
  updatedAt: number;
}

/** Sets (replacing what was there) or removes a user's monthly quota in one price unit. */
export function* setUserQuotaRow({ db, t }: DataSource, change: UserQuotaChange): Unit<void> {
  const { userQuotas } = t;
  const { userId, unit, monthlyLimit, updatedAt } = change;
  if (monthlyLimit === null) {
    yield* exec(
      db.delete(userQuotas).where(and(eq(userQuotas.userId, userId), eq(userQuotas.unit, unit))),
    );
    return;
  }
  yield* exec(
    db
      .insert(userQuotas)
      .values({ userId, unit, monthlyLimit, updatedAt })
      .onConflictDoUpdate({
        target: [userQuotas.userId, userQuotas.unit],
        set: { monthlyLimit, updatedAt },
      }),
  );
}
