import { useSyncExternalStore } from 'react';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/** The URL's hash, kept current. */
export const useHash = (): string => useSyncExternalStore(subscribe, () => window.location.hash);
