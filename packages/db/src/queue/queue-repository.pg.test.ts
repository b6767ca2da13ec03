import { pgTestDataSource } from '../../test/pg-test-data-source';
import { queueRepositorySuite } from './queue-repository-suite';

queueRepositorySuite('PostgreSQL', pgTestDataSource().open);
