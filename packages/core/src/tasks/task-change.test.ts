import { createTestContext } from '../testing';
import { taskChangeSuite } from './task-change-suite';

taskChangeSuite('SQLite', () => createTestContext());
