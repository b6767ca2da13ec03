import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgTestDatabase } from '../../test/pg-test-database';
import { galleryRowsQuery } from '../gallery/list-gallery-rows';
import { createPgDb, type PgDbHandle } from './create-pg-db';
import { pgDataSource } from './pg-data-source';
import { tasks } from './schema';

const database = pgTestDatabase();

const rows = 100_000;

describe('prompt search on PostgreSQL', () => {
  let handle: PgDbHandle;
  beforeAll(async () => {
    handle = await createPgDb(database.url);
    // Thousands of unrelated prompts, and a few that the searches below must find.
    await handle.pool.query(
      `insert into tasks (id, status, operation, provider, model, prompt, aspect_ratio, count,
                          output_format, seed, created_at, updated_at)
       select 't' || lpad(i::text, 6, '0'), 'completed', 'generate', 'local', 'm',
              'a study of ' || md5(i::text) || ' in soft light', '1:1', 1, 'png', i, i, i
         from generate_series(1, $1::int) as i`,
      [rows],
    );
    await handle.db.insert(tasks).values(
      [
        ['hit-1', 'An old LightHouse at dusk, 50% fog'],
        ['hit-2', 'lighthouse keeper portrait'],
        ['hit-3', '夕阳下的灯塔，水彩风格'],
      ].map(([id, prompt]) => ({
        id: id ?? '',
        prompt: prompt ?? '',
        status: 'completed' as const,
        operation: 'generate' as const,
        provider: 'local',
        model: 'm',
        aspectRatio: '1:1',
        count: 1,
        outputFormat: 'png' as const,
        seed: 1,
        createdAt: 1,
        updatedAt: 1,
      })),
    );
    await handle.pool.query('analyze tasks');
  });
  afterAll(() => handle.close());

  const matching = (...words: string[]) =>
    galleryRowsQuery(pgDataSource(handle.db), {
      trash: false,
      newest: false,
      limit: 100,
      search: words.join(' '),
    });
  const search = async (...words: string[]) =>
    (await matching(...words)).map((row) => ({ id: row.id }));

  it('finds every word as a case-insensitive substring, in any language', async () => {
    expect(await search('LIGHTHOUSE')).toEqual([{ id: 'hit-1' }, { id: 'hit-2' }]);
    expect(await search('lighthouse', 'dusk')).toEqual([{ id: 'hit-1' }]);
    expect(await search('灯塔')).toEqual([{ id: 'hit-3' }]);
  });

  it('can read the trigram index for a substring search', async () => {
    const query = matching('lighthouse', 'dusk').toSQL();
    const client = await handle.pool.connect();
    try {
      await client.query('begin');
      const { rows: plan } = await client.query<{ 'QUERY PLAN': string }>(
        `explain ${query.sql}`,
        query.params,
      );
      await client.query('rollback');
      const text = plan.map((line) => line['QUERY PLAN']).join('\n');
      expect(text).toMatch(/Bitmap Index Scan on tasks_prompt_trgm_idx/);
      expect(text).not.toContain('Seq Scan');
    } finally {
      client.release();
    }
  });
});
