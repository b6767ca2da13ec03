import { describe, expect, it } from 'vitest';
import type { Task } from '@genhub/core/schemas';
import {
  clearFilters,
  filtersFromSearch,
  isFiltered,
  filtersToSearch,
  matchesFilters,
  noFilters,
  toQuery,
} from './gallery-filters';

describe('gallery filters in the URL', () => {
  it('round-trip through the query string, leaving defaults out', () => {
    const filters = {
      ...noFilters,
      q: '红色 fox',
      provider: 'kie',
      starred: true,
      sort: 'oldest' as const,
      from: '2026-11-01',
    };
    const search = filtersToSearch(filters);
    expect(search).toBe(
      '?q=%E7%BA%A2%E8%89%B2+fox&provider=kie&from=2026-11-01&starred=1&sort=oldest',
    );
    expect(filtersFromSearch(search)).toEqual(filters);
    expect(filtersToSearch(noFilters)).toBe('');
  });

  it('become a query with whole days in the browser calendar', () => {
    const q = toQuery({ ...noFilters, from: '2026-11-01', to: '2026-11-02' });
    expect(q.to! - q.from!).toBe(2 * 86_400_000);
  });

  it('decide whether a pushed task belongs in the view', () => {
    const task = {
      prompt: 'A Red Fox',
      status: 'completed',
      provider: 'local',
      starredAt: null,
      deletedAt: null,
      collectionIds: ['c1'],
      createdAt: Date.now(),
    } as unknown as Task;
    expect(matchesFilters(task, { ...noFilters, q: 'red fox' })).toBe(true);
    expect(matchesFilters(task, { ...noFilters, q: 'red cat' })).toBe(false);
    expect(matchesFilters(task, { ...noFilters, starred: true })).toBe(false);
    expect(matchesFilters(task, { ...noFilters, trash: true })).toBe(false);
    expect(matchesFilters(task, { ...noFilters, collection: 'c1', provider: 'local' })).toBe(true);
  });
});

describe('an empty view', () => {
  it('counts filters and search as narrowing it, not the sort or the trash', () => {
    expect(isFiltered(noFilters)).toBe(false);
    expect(isFiltered({ ...noFilters, sort: 'oldest', trash: true })).toBe(false);
    expect(isFiltered({ ...noFilters, status: 'failed' })).toBe(true);
    expect(isFiltered({ ...noFilters, q: 'fox' })).toBe(true);
    expect(isFiltered({ ...noFilters, starred: true })).toBe(true);
    expect(isFiltered({ ...noFilters, plan: 'p1' })).toBe(true);
  });

  it('clears to the same view and sort', () => {
    const filtered = { ...noFilters, trash: true, sort: 'oldest' as const, provider: 'local' };
    expect(clearFilters(filtered)).toEqual({ ...noFilters, trash: true, sort: 'oldest' });
    expect(isFiltered(clearFilters(filtered))).toBe(false);
  });
});
