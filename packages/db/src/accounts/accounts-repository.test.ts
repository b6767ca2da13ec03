import { openSqliteDataSource } from '../../test/open-sqlite-data-source';
import { accountsRepositorySuite } from './accounts-repository-suite';

accountsRepositorySuite('SQLite', openSqliteDataSource);
