import { openSqliteDataSource } from '../../test/open-sqlite-data-source';
import { taskRowRepositorySuite } from './task-row-repository-suite';

taskRowRepositorySuite('SQLite', openSqliteDataSource);
