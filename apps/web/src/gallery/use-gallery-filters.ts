import { useCallback, useEffect, useState } from 'react';
import { filtersFromSearch, filtersToSearch, type GalleryFilters } from './gallery-filters';

/** The gallery filters, kept in the URL: a view can be shared, reloaded, and walked back. */
export function useGalleryFilters() {
  const [filters, setState] = useState(() => filtersFromSearch(window.location.search));
  useEffect(() => {
    const onPop = () => setState(filtersFromSearch(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const setFilters = useCallback((next: GalleryFilters) => {
    setState(next);
    const url = `${window.location.pathname}${filtersToSearch(next)}${window.location.hash}`;
    window.history.pushState(null, '', url);
  }, []);
  return [filters, setFilters] as const;
}
