import { assets, collections, plans, taskEvents, tasks, type Db } from '@genhub/db';
import { eq, isNull } from 'drizzle-orm';

/** Tasks' owner before accounts existed. */
const ownerBeforeAccounts = 'local';

/**
 * Makes everything made before accounts existed the user's: tasks (and with them their
 * generations and events), uploaded assets, plans and collections. One transaction.
 */
export function claimUnownedRows(db: Db, userId: string): void {
  db.transaction((tx) => {
    tx.update(tasks).set({ owner: userId }).where(eq(tasks.owner, ownerBeforeAccounts)).run();
    tx.update(taskEvents)
      .set({ owner: userId })
      .where(eq(taskEvents.owner, ownerBeforeAccounts))
      .run();
    tx.update(assets).set({ owner: userId }).where(isNull(assets.owner)).run();
    tx.update(plans).set({ owner: userId }).where(isNull(plans.owner)).run();
    tx.update(collections).set({ owner: userId }).where(isNull(collections.owner)).run();
  });
}
