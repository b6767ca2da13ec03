import { describe, expect, it } from 'vitest';
import { sqliteQueryPlans } from '../../test/sqlite-query-plans';
import type { GalleryPageRequest } from './gallery-filter';
import { galleryRowsQuery } from './list-gallery-rows';

const sqlite = sqliteQueryPlans();

/** SQLite's plan for the gallery's own query for `request`, one step a line. */
function plan(request: Partial<GalleryPageRequest>): string {
  return sqlite.plan(
    galleryRowsQuery(sqlite.data, { trash: false, newest: true, limit: 100, ...request }),
  );
}

describe('the gallery query on SQLite', () => {
  it('walks an index in id order for every filter, never sorting', () => {
    for (const request of [{}, { provider: 'kie' }, { starred: true }, { newest: false }]) {
      expect(plan(request)).not.toMatch(/TEMP B-TREE/);
    }
    expect(plan({ provider: 'kie' })).toContain('tasks_gallery_provider_idx');
    expect(plan({ starred: true })).toContain('tasks_gallery_starred_idx');
    expect(plan({ trash: true }).split('\n')).not.toContain('SCAN tasks');
    expect(plan({ collectionId: 'c' })).toContain('collection_items');
  });

  it('searches through the prompt index, outside, in rowid order', () => {
    // With a filter that has an index of its own, the CROSS JOIN keeps the full-text index
    // outside (the other order runs the full-text query once per row).
    const search = plan({ search: 'lighthouse', provider: 'kie' });
    expect(search.split('\n')[0]).toMatch(/^SCAN tasks_fts VIRTUAL TABLE INDEX/);
    expect(search).toMatch(/SEARCH tasks USING INTEGER PRIMARY KEY \(rowid=\?\)/);
    expect(search).not.toMatch(/TEMP B-TREE/);
  });
});
