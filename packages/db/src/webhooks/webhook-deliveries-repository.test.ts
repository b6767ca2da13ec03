import { openSqliteDataSource } from '../../test/open-sqlite-data-source';
import { webhookDeliveriesRepositorySuite } from './webhook-deliveries-repository-suite';

webhookDeliveriesRepositorySuite('SQLite', openSqliteDataSource);
