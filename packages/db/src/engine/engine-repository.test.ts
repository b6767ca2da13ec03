import { openSqliteDataSource } from '../../test/open-sqlite-data-source';
import { engineRepositorySuite } from './engine-repository-suite';

engineRepositorySuite('SQLite', openSqliteDataSource);
