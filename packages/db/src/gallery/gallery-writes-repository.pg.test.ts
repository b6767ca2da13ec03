import { pgTestDataSource } from '../../test/pg-test-data-source';
import { galleryWritesRepositorySuite } from './gallery-writes-repository-suite';

galleryWritesRepositorySuite('PostgreSQL', pgTestDataSource().open);
