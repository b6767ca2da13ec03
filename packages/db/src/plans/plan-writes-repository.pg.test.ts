import { pgTestDataSource } from '../../test/pg-test-data-source';
import { planWritesRepositorySuite } from './plan-writes-repository-suite';

planWritesRepositorySuite('PostgreSQL', pgTestDataSource().open);
