import { readFileSync } from 'node:fs';
import { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgTestDatabase } from '../../test/pg-test-database';
import { createPgDb } from './create-pg-db';
import { pendingPgMigrations } from './pending-pg-migrations';

const database = pgTestDatabase();
const tags = (
  JSON.parse(
    readFileSync(new URL('../../drizzle-pg/meta/_journal.json', import.meta.url), 'utf8'),
  ) as { entries: { tag: string }[] }
).entries.map((entry) => entry.tag);

describe('pendingPgMigrations', () => {
  let pool: Pool;
  beforeAll(() => {
    pool = new Pool({ connectionString: database.url, max: 2 });
  });
  afterAll(() => pool.end());

  it('names every migration on a database never migrated, none once createPgDb ran', async () => {
    expect(tags.length).toBeGreaterThan(1);
    expect(await pendingPgMigrations(pool)).toEqual(tags);
    await (await createPgDb(database.url)).close();
    expect(await pendingPgMigrations(pool)).toEqual([]);
  });

  it('names the newest migration when the database recorded only the older ones', async () => {
    await pool.query(
      `delete from drizzle.__drizzle_migrations
       where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`,
    );
    expect(await pendingPgMigrations(pool)).toEqual(tags.slice(-1));
  });
});
