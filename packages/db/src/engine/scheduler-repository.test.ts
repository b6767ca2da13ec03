import { openSqliteDataSource } from '../../test/open-sqlite-data-source';
import { schedulerRepositorySuite } from './scheduler-repository-suite';

schedulerRepositorySuite('SQLite', openSqliteDataSource);
