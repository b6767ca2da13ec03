import { pgTestDataSource } from '../../test/pg-test-data-source';
import { costsRepositorySuite } from './costs-repository-suite';

costsRepositorySuite('PostgreSQL', pgTestDataSource().open);
