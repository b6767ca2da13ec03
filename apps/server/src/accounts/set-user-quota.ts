import { setUserQuotaRow, type DataSource } from '@genhub/db';
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
export async function setUserQuota(
  data: DataSource,
  change: QuotaChange,
  actor: Actor,
  now: number = Date.now(),
): Promise<{ ok: true }> {
  const { unit, monthlyLimit } = change;
  await data.transact(function* (tx) {
    const user = yield* findUser(tx, change.id);
    yield* setUserQuotaRow(tx, { userId: user.id, unit, monthlyLimit, updatedAt: now });
    yield* auditLimitChange(tx, {
      actor,
      email: user.email,
      detail: { unit, monthlyLimit },
      at: now,
    });
  });
  return { ok: true };
}
