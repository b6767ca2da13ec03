import { openSqliteDataSource } from '../../test/open-sqlite-data-source';
import { galleryWritesRepositorySuite } from './gallery-writes-repository-suite';

galleryWritesRepositorySuite('SQLite', openSqliteDataSource);
