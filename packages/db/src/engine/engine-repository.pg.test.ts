import { pgTestDataSource } from '../../test/pg-test-data-source';
import { engineRepositorySuite } from './engine-repository-suite';

engineRepositorySuite('PostgreSQL', pgTestDataSource().open);
