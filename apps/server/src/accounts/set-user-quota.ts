import { userQuotas, type Db } from '@genhub/db';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../auth/create-user';
import { auditLimitChange } from './audit-limit-change';
import { findUser } from './find-user';

export interface QuotaChange {
  id: string;
  /** A price unit: `credits`, `USD`, … */
  unit: string;
  /** Null removes the quota for this unit. */
  monthlyLimit: number | null;
}

/** Sets or removes a user's monthly quota in one price unit. Core enforces it; this stores it. */
export function setUserQuota(
  db: Db,
  change: QuotaChange,
  actor: Actor,
  now: number = Date.now(),
): { ok: true } {
  db.transaction((tx) => {
    const user = findUser(tx, change.id);
    const { unit, monthlyLimit } = change;
    if (monthlyLimit === null) {
      tx.delete(userQuotas)
        .where(and(eq(userQuotas.userId, user.id), eq(userQuotas.unit, unit)))
        .run();
    } else {
      tx.insert(userQuotas)
        .values({ userId: user.id, unit, monthlyLimit, updatedAt: now })
        .onConflictDoUpdate({
          target: [userQuotas.userId, userQuotas.unit],
          set: { monthlyLimit, updatedAt: now },
        })
        .run();
    }
    auditLimitChange(tx, { actor, email: user.email, detail: { unit, monthlyLimit }, at: now });
  });
  return { ok: true };
}
