import type { Storage } from '@genhub/core';
import type { Db } from '@genhub/db';
import { databaseCheck } from './database-check';
import { migrationsCheck } from './migrations-check';
import type { ReadinessCheck } from './readiness-check';
import { storageCheck } from './storage-check';

/** What `/readyz` checks; an instance that follows other instances' events adds its LISTEN connection. */
export function appReadinessChecks(deps: {
  db: Db;
  storage: Pick<Storage, 'check'>;
}): ReadinessCheck[] {
  return [databaseCheck(deps.db), migrationsCheck(deps.db), storageCheck(deps.storage)];
}
