import { openSqliteDataSource } from '../../test/open-sqlite-data-source';
import { webhookEndpointsRepositorySuite } from './webhook-endpoints-repository-suite';

webhookEndpointsRepositorySuite('SQLite', openSqliteDataSource);
