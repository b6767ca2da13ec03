import { pgTestDatabase } from '@genhub/db/testing';
import { createPgTestContext } from '../testing/create-pg-test-context';
import { taskVerbsSuite } from './task-verbs-suite';

const database = pgTestDatabase();

taskVerbsSuite('PostgreSQL', () => createPgTestContext(database.url));
