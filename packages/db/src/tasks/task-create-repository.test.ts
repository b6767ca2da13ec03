import { openSqliteDataSource } from '../../test/open-sqlite-data-source';
import { taskCreateRepositorySuite } from './task-create-repository-suite';

taskCreateRepositorySuite('SQLite', openSqliteDataSource);
