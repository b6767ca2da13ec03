import { useSyncExternalStore } from 'react';
import { filtersFromSearch, filtersToSearch } from '../gallery/gallery-filters';

/** Sent when the gallery changes its filters itself (it pushes the URL without a popstate). */
export const filtersChangedEvent = 'genhub:filters-changed';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(filtersChangedEvent, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(filtersChangedEvent, onChange);
  };
}

/** The collection the gallery is filtered by ('' for none), as the URL says. */
export const useCollectionFilter = (): string =>
  useSyncExternalStore(subscribe, () => filtersFromSearch(window.location.search).collection);

/** Filters the gallery by a collection ('' for all), keeping its other filters, through the URL. */
export function showCollection(id: string): void {
  const next = { ...filtersFromSearch(window.location.search), collection: id, trash: false };
  const { pathname, hash } = window.location;
  window.history.pushState(null, '', `${pathname}${filtersToSearch(next)}${hash}`);
  window.dispatchEvent(new PopStateEvent('popstate'));
}
