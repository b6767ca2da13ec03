/** What other packages' tests use of this one's test helpers. */
export { pgTestDatabase, type PgTestDatabase } from './pg-test-database';
export { taskRow, t0 } from './task-row';
