import type { DatabaseProbes } from './database-probes';
import { withCodeOf } from './error-code-of';
import type { ReadinessCheck } from './readiness-check';

/** Every migration this version ships is applied to the database. */
export function migrationsCheck(probes: Pick<DatabaseProbes, 'pendingMigrations'>): ReadinessCheck {
  return {
    name: 'migrations',
    run: async () => {
      const pending = await probes.pendingMigrations();
      if (pending.length === 0) return null;
      const count = pending.length === 1 ? '1 migration is' : `${pending.length} migrations are`;
      return `${count} not applied to the database: ${pending.join(', ')}`;
    },
    explain: (error) =>
      withCodeOf('could not tell which migrations the database has applied', error),
  };
}
