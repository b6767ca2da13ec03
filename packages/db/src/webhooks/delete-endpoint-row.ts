import { eq } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { exec, type Unit } from '../data/unit-of-work';

/** Deletes an endpoint; its delivery log goes with it (foreign key cascade). */
export function* deleteEndpointRow({ db, t }: DataSource, id: string): Unit<void> {
  yield* exec(db.delete(t.webhookEndpoints).where(eq(t.webhookEndpoints.id, id)));
}
