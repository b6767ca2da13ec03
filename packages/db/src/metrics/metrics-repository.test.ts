import { openSqliteDataSource } from '../../test/open-sqlite-data-source';
import { metricsRepositorySuite } from './metrics-repository-suite';

metricsRepositorySuite('SQLite', openSqliteDataSource);
