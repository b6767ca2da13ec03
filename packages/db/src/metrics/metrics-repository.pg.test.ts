import { pgTestDataSource } from '../../test/pg-test-data-source';
import { metricsRepositorySuite } from './metrics-repository-suite';

metricsRepositorySuite('PostgreSQL', pgTestDataSource().open);
