import { pgTestDataSource } from '../../test/pg-test-data-source';
import { taskCreateRepositorySuite } from './task-create-repository-suite';

taskCreateRepositorySuite('PostgreSQL', pgTestDataSource().open);
