import { useCallback, useEffect, useState } from 'react';
import { lightboxFromSearch, lightboxToSearch, type LightboxParam } from './lightbox-param';

/** Marks the history entry the lightbox pushed, so closing can step back over it. */
const pushedMark = { lightbox: true };

function pushedByUs(state: unknown): boolean {
  return typeof state === 'object' && state !== null && 'lightbox' in state;
}

function writeUrl(open: LightboxParam | null, push: boolean) {
  const { pathname, search, hash } = window.location;
  const url = `${pathname}${lightboxToSearch(search, open)}${hash}`;
  if (push) window.history.pushState(pushedMark, '', url);
  else window.history.replaceState(window.history.state, '', url);
}

/**
 * The open lightbox image, kept in the URL: opening adds a history entry (so Back closes it),
 * stepping between images replaces it, a reload or a shared link opens the same image.
 */
export function useLightboxUrl() {
  const [open, setState] = useState(() => lightboxFromSearch(window.location.search));
  useEffect(() => {
    const onPop = () => setState(lightboxFromSearch(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const openAt = useCallback((next: LightboxParam) => {
    setState(next);
    writeUrl(next, true);
  }, []);
  /** Shows another image (or none) without a new history entry. */
  const replace = useCallback((next: LightboxParam | null) => {
    setState(next);
    writeUrl(next, false);
  }, []);
  const close = useCallback(() => {
    setState(null);
    if (pushedByUs(window.history.state)) window.history.back();
    else writeUrl(null, false);
  }, []);
  return { open, openAt, replace, close };
}
