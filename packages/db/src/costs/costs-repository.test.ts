import { openSqliteDataSource } from '../../test/open-sqlite-data-source';
import { costsRepositorySuite } from './costs-repository-suite';

costsRepositorySuite('SQLite', openSqliteDataSource);
