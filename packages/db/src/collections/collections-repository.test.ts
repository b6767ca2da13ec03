import { openSqliteDataSource } from '../../test/open-sqlite-data-source';
import { collectionsRepositorySuite } from './collections-repository-suite';

collectionsRepositorySuite('SQLite', openSqliteDataSource);
