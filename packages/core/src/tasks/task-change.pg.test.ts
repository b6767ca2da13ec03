import { pgTestDatabase } from '@genhub/db/testing';
import { createPgTestContext } from '../testing/create-pg-test-context';
import { taskChangeSuite } from './task-change-suite';

const database = pgTestDatabase();

taskChangeSuite('PostgreSQL', () => createPgTestContext(database.url));
