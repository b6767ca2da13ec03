import { pgTestDataSource } from '../../test/pg-test-data-source';
import { taskRowRepositorySuite } from './task-row-repository-suite';

taskRowRepositorySuite('PostgreSQL', pgTestDataSource().open);
