import type { Storage } from '@genhub/core';
import { databaseCheck } from './database-check';
import type { DatabaseProbes } from './database-probes';
import { listenCheck } from './listen-check';
import { migrationsCheck } from './migrations-check';
import type { ReadinessCheck } from './readiness-check';
import { storageCheck } from './storage-check';

/** What `/readyz` checks; an instance that hears other instances over LISTEN adds that connection. */
export function appReadinessChecks(deps: {
  database: DatabaseProbes;
  storage: Pick<Storage, 'check'>;
}): ReadinessCheck[] {
  const { database } = deps;
  return [
    databaseCheck(database),
    migrationsCheck(database),
    ...(database.listening ? [listenCheck(database.listening)] : []),
    storageCheck(deps.storage),
  ];
}
