import { pgTestDataSource } from '../../test/pg-test-data-source';
import { taskRetryRepositorySuite } from './task-retry-repository-suite';

taskRetryRepositorySuite('PostgreSQL', pgTestDataSource().open);
