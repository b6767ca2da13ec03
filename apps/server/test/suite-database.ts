import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** What the PostgreSQL global setup provides: a URL that may create and drop databases. */
    pgAdminUrl: string;
  }
}

/** Set by the `sqlite-suite-on-pg` project: every test server keeps its data in PostgreSQL. */
export const suiteOnPostgres = process.env.GENHUB_TEST_ON_POSTGRES === '1';

async function asAdmin(query: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

/** The database of each data directory a test server was started on (instances share it). */
const databases = new Map<string, { url: string; servers: number }>();

const dropDatabase = (url: string) =>
  asAdmin(`drop database if exists "${new URL(url).pathname.slice(1)}" with (force)`);

// Databases kept for a restart on their data directory go with the test file.
if (suiteOnPostgres) {
  afterAll(async () => {
    const kept = [...databases.values()];
    databases.clear();
    for (const { url } of kept) await dropDatabase(url);
  });
}

/** The database test servers on `dataDir` keep their data in, for an app a test builds itself. */
export function suiteDatabaseUrl(dataDir: string): string | undefined {
  return databases.get(dataDir)?.url;
}

/**
 * The PostgreSQL database for a test server on `dataDir` when the suite runs on PostgreSQL: a
 * fresh one for a new data directory, the same one for a second instance on it or a server
 * started again on it (as the SQLite file in that directory would be). Undefined on SQLite.
 * `release` drops it when the last server on it has closed, unless `keep` (the directory
 * stays, and a test may start a server on it again).
 */
export async function suiteDatabase(
  dataDir: string,
): Promise<{ url: string; release: (keep: boolean) => Promise<void> } | undefined> {
  if (!suiteOnPostgres) return undefined;
  let entry = databases.get(dataDir);
  if (!entry) {
    const name = `genhub_suite_${randomBytes(6).toString('hex')}`;
    await asAdmin(`create database "${name}"`);
    const url = new URL(inject('pgAdminUrl'));
    url.pathname = `/${name}`;
    entry = { url: url.toString(), servers: 0 };
    databases.set(dataDir, entry);
  }
  const held = entry;
  held.servers++;
  return {
    url: held.url,
    release: async (keep) => {
      if (--held.servers > 0 || keep) return;
      databases.delete(dataDir);
      await dropDatabase(held.url);
    },
  };
}
