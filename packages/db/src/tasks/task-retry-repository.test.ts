import { openSqliteDataSource } from '../../test/open-sqlite-data-source';
import { taskRetryRepositorySuite } from './task-retry-repository-suite';

taskRetryRepositorySuite('SQLite', openSqliteDataSource);
