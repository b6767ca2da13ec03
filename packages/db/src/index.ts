export * from './schema';
export { createDb, createTestDb, type Db, type DbExecutor, type DbHandle } from './create-db';
