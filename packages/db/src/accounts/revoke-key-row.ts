import { eq } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { rows, type Unit } from '../data/unit-of-work';

/** Switches an API key off for good (it stays listed); false when there is no such key. */
export function* revokeKeyRow({ db, t }: DataSource, keyId: string, now: Date): Unit<boolean> {
  const { apiKeys } = t;
  const revoked = yield* rows(
    db
      .update(apiKeys)
      .set({ enabled: false, updatedAt: now })
      .where(eq(apiKeys.id, keyId))
      .returning({ id: apiKeys.id }),
  );
  return revoked.length > 0;
}
