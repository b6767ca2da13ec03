import { openSqliteDataSource } from '../../test/open-sqlite-data-source';
import { galleryRepositorySuite } from './gallery-repository-suite';

galleryRepositorySuite('SQLite', openSqliteDataSource);
