import type { DataSource } from '../data/data-source';
import { exec, type Unit } from '../data/unit-of-work';
import type { plans } from '../schema';

export type NewPlanRow = typeof plans.$inferInsert;

/** Stores a new plan's row; its tasks are inserted in the same transaction. */
export function* insertPlanRow({ db, t }: DataSource, row: NewPlanRow): Unit<void> {
  yield* exec(db.insert(t.plans).values(row));
}
