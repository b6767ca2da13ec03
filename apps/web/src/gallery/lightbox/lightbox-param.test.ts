import { describe, expect, it } from 'vitest';
import { filtersFromSearch } from '../gallery-filters';
import { lightboxFromSearch, lightboxToSearch } from './lightbox-param';

describe('the lightbox in the URL', () => {
  it('reads the task and the 1-based image number', () => {
    expect(lightboxFromSearch('?open=t1&image=3')).toEqual({ taskId: 't1', index: 2 });
    expect(lightboxFromSearch('?q=cat&open=t1')).toEqual({ taskId: 't1', index: 0 });
  });

  it('is closed without a task and falls back to the first image on a bad number', () => {
    expect(lightboxFromSearch('?q=cat')).toBeNull();
    expect(lightboxFromSearch('?open=')).toBeNull();
    expect(lightboxFromSearch('?open=t1&image=0')).toEqual({ taskId: 't1', index: 0 });
    expect(lightboxFromSearch('?open=t1&image=x')).toEqual({ taskId: 't1', index: 0 });
    expect(lightboxFromSearch('?open=t1&image=1.5')).toEqual({ taskId: 't1', index: 0 });
  });

  it('writes beside the gallery filters and round-trips', () => {
    const search = lightboxToSearch('?q=cat&starred=1', { taskId: 't 1', index: 1 });
    expect(lightboxFromSearch(search)).toEqual({ taskId: 't 1', index: 1 });
    expect(filtersFromSearch(search)).toMatchObject({ q: 'cat', starred: true });
    expect(lightboxToSearch('', { taskId: 't1', index: 0 })).toBe('?open=t1');
  });

  it('removes only its own params when closed', () => {
    expect(lightboxToSearch('?q=cat&open=t1&image=2', null)).toBe('?q=cat');
    expect(lightboxToSearch('?open=t1', null)).toBe('');
  });
});
