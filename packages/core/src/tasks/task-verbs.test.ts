import { createTestContext } from '../testing';
import { taskVerbsSuite } from './task-verbs-suite';

taskVerbsSuite('SQLite', () => createTestContext());
