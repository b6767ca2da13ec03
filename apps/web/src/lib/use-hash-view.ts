import { useEffect, useState } from 'react';

export type View = 'studio' | 'usage' | 'settings';

const read = (): View =>
  window.location.hash === '#/usage'
    ? 'usage'
    : /^#\/settings(\/|$)/.test(window.location.hash)
      ? 'settings'
      : 'studio';

/** Which page is shown, kept in the URL's hash so it survives a reload and can be linked. */
export function useHashView(): View {
  const [view, setView] = useState(read);
  useEffect(() => {
    const onChange = () => setView(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return view;
}
