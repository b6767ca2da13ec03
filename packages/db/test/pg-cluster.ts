import type { TestProject } from 'vitest/node';
import { parsePgUrl } from '../src/pg/parse-pg-url';
import './pg-test-database';
import { startPgCluster } from './start-pg-cluster';

/**
 * Vitest global setup for the PostgreSQL tests: the server at TEST_DATABASE_URL when set, else
 * a throw-away cluster started here and removed afterwards. Each test file makes its own
 * database on it (`pgTestDatabase()`).
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    parsePgUrl(external);
    project.provide('pgAdminUrl', external);
    return () => undefined;
  }
  const cluster = await startPgCluster();
  project.provide('pgAdminUrl', cluster.url);
  return () => cluster.stop();
}
