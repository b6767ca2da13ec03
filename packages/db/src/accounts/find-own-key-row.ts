import { and, eq } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { first, type Unit } from '../data/unit-of-work';

/** Whether the key `keyId` of `userId` still works; nothing when they have no such key. */
export function* findOwnKeyRow(
  { db, t }: DataSource,
  userId: string,
  keyId: string,
): Unit<{ enabled: boolean | null } | undefined> {
  const { apiKeys } = t;
  return yield* first(
    db
      .select({ enabled: apiKeys.enabled })
      .from(apiKeys)
      .where(and(eq(apiKeys.id, keyId), eq(apiKeys.referenceId, userId))),
  );
}
