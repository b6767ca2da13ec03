import { sql } from 'drizzle-orm';
import type { Db } from './create-db';

/** Resolves when the database answers a trivial query; rejects with the driver's error if not. */
export function pingDatabase(db: Db): Promise<void> {
  return new Promise((resolve) => {
    db.get(sql`select 1`);
    resolve();
  });
}
