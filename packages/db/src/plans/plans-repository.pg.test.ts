import { pgTestDataSource } from '../../test/pg-test-data-source';
import { plansRepositorySuite } from './plans-repository-suite';

plansRepositorySuite('PostgreSQL', pgTestDataSource().open);
