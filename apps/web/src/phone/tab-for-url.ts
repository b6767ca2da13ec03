import type { StudioTab } from './studio-tabs';

/**
 * The tab a URL asks for: the gallery keeps its filters and open image in the query string, so
 * a link or a reload with one shows the gallery (an open lightbox lives inside it); else null.
 */
export const tabForUrl = (search: string): StudioTab | null =>
  new URLSearchParams(search).size > 0 ? 'gallery' : null;
