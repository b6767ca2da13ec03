import { openSqliteDataSource } from '../../test/open-sqlite-data-source';
import { assetsRepositorySuite } from './assets-repository-suite';

assetsRepositorySuite('SQLite', openSqliteDataSource);
