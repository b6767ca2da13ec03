import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL URL whose user may create and drop databases. */
    pgAdminUrl: string;
  }
}

async function asAdmin(query: string): Promise<void> {
  const client = new Client({ connectionString: inject('pgAdminUrl') });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

export interface PgTestDatabase {
  /** The database's URL; read it in tests and hooks, not when the file loads. */
  readonly url: string;
  readonly name: string;
}

/**
 * A fresh, empty database for this test file, created before its tests and dropped after them,
 * on the server the global setup provides (see `pg-cluster.ts`).
 */
export function pgTestDatabase(): PgTestDatabase {
  const name = `genhub_test_${randomBytes(6).toString('hex')}`;
  let url: string | undefined;
  beforeAll(async () => {
    await asAdmin(`create database "${name}"`);
    const admin = new URL(inject('pgAdminUrl'));
    admin.pathname = `/${name}`;
    url = admin.toString();
  });
  afterAll(async () => {
    await asAdmin(`drop database if exists "${name}" with (force)`);
  });
  return {
    name,
    get url() {
      if (url === undefined) throw new Error('the test database is made in beforeAll');
      return url;
    },
  };
}
