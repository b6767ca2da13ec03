import { pgTestDataSource } from '../../test/pg-test-data-source';
import { collectionsRepositorySuite } from './collections-repository-suite';

collectionsRepositorySuite('PostgreSQL', pgTestDataSource().open);
