import { pgTestDataSource } from '../../test/pg-test-data-source';
import { taskChainRepositorySuite } from './task-chain-repository-suite';

taskChainRepositorySuite('PostgreSQL', pgTestDataSource().open);
