import { afterAll, beforeAll } from 'vitest';
import type { DataSource } from '../src/data/data-source';
import type { DataSourceUnderTest, OpenDataSource } from './data-source-under-test';

/**
 * Opens a data source before the tests of the describe block this is called in, seeds it, and
 * closes it after them. Returns a getter for it: call it in tests and hooks, not while the
 * block is being declared (it is opened in beforeAll).
 */
export function useDataSource(
  open: OpenDataSource,
  seed?: (data: DataSource) => Promise<void>,
): () => DataSource {
  let under: DataSourceUnderTest | undefined;
  beforeAll(async () => {
    under = await open();
    await seed?.(under.data);
  });
  afterAll(() => under?.close());
  return () => {
    if (under === undefined) throw new Error('the data source is opened in beforeAll');
    return under.data;
  };
}
