import { pgTestDataSource } from '../../test/pg-test-data-source';
import { accountsRepositorySuite } from './accounts-repository-suite';

accountsRepositorySuite('PostgreSQL', pgTestDataSource().open);
