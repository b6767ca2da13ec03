import { eq, isNull } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { exec, type Unit } from '../data/unit-of-work';

/** Tasks' owner before accounts existed (the tables' default). */
const ownerBeforeAccounts = 'local';

/**
 * Makes everything made before accounts existed the user's: tasks (and with them their
 * generations and events), uploaded assets, plans and collections. Run it in a transaction.
 */
export function* claimUnownedRows({ db, t }: DataSource, userId: string): Unit<void> {
  const { tasks, taskEvents, assets, plans, collections } = t;
  yield* exec(db.update(tasks).set({ owner: userId }).where(eq(tasks.owner, ownerBeforeAccounts)));
  yield* exec(
    db.update(taskEvents).set({ owner: userId }).where(eq(taskEvents.owner, ownerBeforeAccounts)),
  );
  yield* exec(db.update(assets).set({ owner: userId }).where(isNull(assets.owner)));
  yield* exec(db.update(plans).set({ owner: userId }).where(isNull(plans.owner)));
  yield* exec(db.update(collections).set({ owner: userId }).where(isNull(collections.owner)));
}
