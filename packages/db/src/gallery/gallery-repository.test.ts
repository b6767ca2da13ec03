import { createTestDb } from '../create-db';
import { sqliteDataSource } from '../data/data-source';
import { galleryRepositorySuite } from './gallery-repository-suite';

galleryRepositorySuite('SQLite', () => {
  const handle = createTestDb();
  return Promise.resolve({ data: sqliteDataSource(handle.db), close: () => handle.close() });
});
