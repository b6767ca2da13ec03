import { openSqliteDataSource } from '../../test/open-sqlite-data-source';
import { settingsRepositorySuite } from './settings-repository-suite';

settingsRepositorySuite('SQLite', openSqliteDataSource);
