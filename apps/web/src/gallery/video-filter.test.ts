import { describe, expect, it } from 'vitest';
import type { Task } from '@genhub/core/schemas';
import {
  filtersFromSearch,
  filtersToSearch,
  matchesFilters,
  noFilters,
  toQuery,
} from './gallery-filters';

const taskOf = (operation: Task['operation']) =>
  ({
    operation,
    prompt: 'waves',
    status: 'completed',
    provider: 'local',
    starredAt: null,
    deletedAt: null,
    collectionIds: [],
    createdAt: Date.now(),
  }) as unknown as Task;

describe('the gallery’s video filter', () => {
  it('lives in the URL and becomes the server’s media query', () => {
    const filters = { ...noFilters, media: 'video' };
    expect(filtersToSearch(filters)).toBe('?media=video');
    expect(filtersFromSearch('?media=video')).toEqual(filters);
    expect(toQuery(filters)).toMatchObject({ media: 'video' });
  });

  it('keeps pushed clips in a video view and images out, by core’s rule', () => {
    const videos = { ...noFilters, media: 'video' };
    expect(matchesFilters(taskOf('text-to-video'), videos)).toBe(true);
    expect(matchesFilters(taskOf('image-to-video'), videos)).toBe(true);
    expect(matchesFilters(taskOf('generate'), videos)).toBe(false);
    expect(matchesFilters(taskOf('generate'), { ...noFilters, media: 'image' })).toBe(true);
    expect(matchesFilters(taskOf('text-to-video'), { ...noFilters, media: 'image' })).toBe(false);
  });
});
