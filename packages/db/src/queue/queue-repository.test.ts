import { openSqliteDataSource } from '../../test/open-sqlite-data-source';
import { queueRepositorySuite } from './queue-repository-suite';

queueRepositorySuite('SQLite', openSqliteDataSource);
