import type { DataSource } from '../data/data-source';
import { exec, type Unit } from '../data/unit-of-work';
import type { auditEvents } from '../schema';

export type NewAuditRow = typeof auditEvents.$inferInsert;

/** Appends one security event; run it in the transaction of the change it describes. */
export function* insertAuditRow({ db, t }: DataSource, row: NewAuditRow): Unit<void> {
  yield* exec(db.insert(t.auditEvents).values(row));
}
