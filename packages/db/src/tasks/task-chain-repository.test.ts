import { openSqliteDataSource } from '../../test/open-sqlite-data-source';
import { taskChainRepositorySuite } from './task-chain-repository-suite';

taskChainRepositorySuite('SQLite', openSqliteDataSource);
