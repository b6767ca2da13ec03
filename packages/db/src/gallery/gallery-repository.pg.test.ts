import { pgTestDataSource } from '../../test/pg-test-data-source';
import { galleryRepositorySuite } from './gallery-repository-suite';

galleryRepositorySuite('PostgreSQL', pgTestDataSource().open);
