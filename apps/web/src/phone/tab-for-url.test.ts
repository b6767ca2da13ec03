import { describe, expect, it } from 'vitest';
import { lightboxToSearch } from '../gallery/lightbox/lightbox-param';
import { tabForUrl } from './tab-for-url';

describe('tabForUrl', () => {
  it('shows the gallery for a link to an image or to filtered results', () => {
    expect(tabForUrl(lightboxToSearch('', { taskId: 't1', index: 0 }))).toBe('gallery');
    expect(tabForUrl('?q=fox')).toBe('gallery');
  });

  it('asks for nothing on a plain address', () => {
    expect(tabForUrl('')).toBeNull();
    expect(tabForUrl('?')).toBeNull();
  });
});
