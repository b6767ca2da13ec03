import { pgTestDatabase } from '@genhub/db/testing';
import { createPgTestContext } from '../testing/create-pg-test-context';
import { createTaskSuite } from './create-task-suite';

const database = pgTestDatabase();

createTaskSuite('PostgreSQL', () => createPgTestContext(database.url));
