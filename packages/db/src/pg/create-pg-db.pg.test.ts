import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { getTableName, isTable } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgTestDatabase } from '../../test/pg-test-database';
import { createPgDb, type PgDbHandle } from './create-pg-db';
import { PgDatabaseError } from './pg-database-error';
import * as pgSchema from './schema';

const database = pgTestDatabase();

const tableNames = Object.values(pgSchema)
  .filter((value) => isTable(value))
  .map((table) => getTableName(table))
  .sort();

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

async function failureOf(url: string): Promise<PgDatabaseError> {
  const error: unknown = await createPgDb(url, { connectTimeoutMs: 5000 }).then(
    async (handle) => {
      await handle.close();
      throw new Error('it connected');
    },
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(PgDatabaseError);
  return error as PgDatabaseError;
}

describe('createPgDb', () => {
  let handle: PgDbHandle;
  beforeAll(async () => {
    handle = await createPgDb(database.url);
  });
  afterAll(() => handle.close());

  it('migrates a fresh database: every table, pg_trgm and the event transaction column', async () => {
    const { rows: tables } = await handle.pool.query<{ name: string }>(
      "select table_name as name from information_schema.tables where table_schema = 'public' order by 1",
    );
    expect(tableNames).toHaveLength(21);
    expect(tables.map((t) => t.name)).toEqual(tableNames);

    const { rows: extensions } = await handle.pool.query<{ extname: string }>(
      "select extname from pg_extension where extname = 'pg_trgm'",
    );
    expect(extensions).toEqual([{ extname: 'pg_trgm' }]);

    const { rows: index } = await handle.pool.query<{ def: string }>(
      "select indexdef as def from pg_indexes where indexname = 'tasks_prompt_trgm_idx'",
    );
    expect(index[0]?.def).toContain('USING gin (prompt gin_trgm_ops)');
  });

  it('applies nothing twice, also when instances start together', async () => {
    const [a, b] = await Promise.all([createPgDb(database.url), createPgDb(database.url)]);
    await Promise.all([a.close(), b.close()]);
    const { rows } = await handle.pool.query<{ n: string }>(
      'select count(*) as n from drizzle.__drizzle_migrations',
    );
    const journal = JSON.parse(
      readFileSync(new URL('../../drizzle-pg/meta/_journal.json', import.meta.url), 'utf8'),
    ) as { entries: unknown[] };
    expect(Number(rows[0]?.n)).toBe(journal.entries.length);
  });

  it('refuses a URL that is not a PostgreSQL one, without repeating it', async () => {
    for (const url of ['mysql://root:hunter2@127.0.0.1/genhub', 'not a url hunter2', '']) {
      const error = await failureOf(url);
      expect(error.code).toBe('invalid_url');
      expect(error.message).toBe(
        'The PostgreSQL URL is not valid: expected postgres://user:password@host:5432/database.',
      );
    }
  });

  it('says which server cannot be reached', async () => {
    const port = await closedPort();
    const error = await failureOf(`postgres://genhub:hunter2@127.0.0.1:${port}/genhub`);
    expect(error.code).toBe('unreachable');
    expect(error.message).toBe(`PostgreSQL at 127.0.0.1:${port} cannot be reached (ECONNREFUSED).`);
  });

  it('says which user the server refused, never the password', async () => {
    const url = new URL(database.url);
    url.username = 'no_such_role';
    url.password = 'hunter2';
    const error = await failureOf(url.toString());
    expect(error.code).toBe('auth_failed');
    expect(error.message).toBe(
      `PostgreSQL at ${url.host} refused user "no_such_role" (28000): check the user name and password.`,
    );
    expect(error.message).not.toContain('hunter2');
  });

  it('says which database is missing', async () => {
    const url = new URL(database.url);
    url.pathname = '/genhub_missing';
    const error = await failureOf(url.toString());
    expect(error.code).toBe('no_database');
    expect(error.message).toBe(
      `PostgreSQL at ${url.host} has no database "genhub_missing" (3D000): create it first.`,
    );
  });
});
