import { openSqliteDataSource } from '../../test/open-sqlite-data-source';
import { plansRepositorySuite } from './plans-repository-suite';

plansRepositorySuite('SQLite', openSqliteDataSource);
