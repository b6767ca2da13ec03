import { pgTestDatabase } from '../../test/pg-test-database';
import { createPgDb } from '../pg/create-pg-db';
import { pgDataSource } from '../pg/pg-data-source';
import { galleryRepositorySuite } from './gallery-repository-suite';

const database = pgTestDatabase();

galleryRepositorySuite('PostgreSQL', async () => {
  const handle = await createPgDb(database.url);
  return { data: pgDataSource(handle.db), close: () => handle.close() };
});
