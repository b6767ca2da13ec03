import { pingDatabase, type Db } from '@genhub/db';
import { withCodeOf } from './error-code-of';
import type { ReadinessCheck } from './readiness-check';

/** The database answers a trivial query. */
export function databaseCheck(db: Db): ReadinessCheck {
  return {
    name: 'database',
    run: async () => {
      await pingDatabase(db);
      return null;
    },
    explain: (error) => withCodeOf('the database did not answer', error),
  };
}
