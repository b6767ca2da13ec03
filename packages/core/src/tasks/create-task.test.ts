import { createTestContext } from '../testing';
import { createTaskSuite } from './create-task-suite';

createTaskSuite('SQLite', () => createTestContext());
