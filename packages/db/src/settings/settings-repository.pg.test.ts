import { pgTestDataSource } from '../../test/pg-test-data-source';
import { settingsRepositorySuite } from './settings-repository-suite';

settingsRepositorySuite('PostgreSQL', pgTestDataSource().open);
