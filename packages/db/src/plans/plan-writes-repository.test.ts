import { openSqliteDataSource } from '../../test/open-sqlite-data-source';
import { planWritesRepositorySuite } from './plan-writes-repository-suite';

planWritesRepositorySuite('SQLite', openSqliteDataSource);
