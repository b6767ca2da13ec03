export * from './schema';
export {
  createDb,
  createTestDb,
  DatabaseFileError,
  type Db,
  type DbExecutor,
  type DbHandle,
} from './create-db';
