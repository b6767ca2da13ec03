import { useEffect, useRef, useState } from 'react';
import { useGenerateIntents } from '../generate/generate-intents';
import { revealGalleryTop } from './reveal-gallery-top';
import type { StudioTab } from './studio-tabs';
import { tabForUrl } from './tab-for-url';

/**
 * Which part of the studio a phone shows, and the moves between them: a submitted task shows
 * the gallery with its tile in view; a gallery action on the form ("Reuse", "Edit this")
 * shows the form. `bar` is the sticky tab bar (no height where it is hidden).
 */
export function useStudioTab() {
  const [tab, setTab] = useState<StudioTab>(() => tabForUrl(window.location.search) ?? 'create');
  const bar = useRef<HTMLDivElement>(null);
  // What to do once the tab's content is laid out.
  const [after, setAfter] = useState<{ then: 'reveal' | 'top'; n: number } | null>(null);
  useEffect(() => {
    if (!after) return;
    if (after.then === 'reveal') revealGalleryTop(bar.current?.offsetHeight ?? 0);
    else if ((bar.current?.offsetHeight ?? 0) > 0) window.scrollTo({ top: 0 });
  }, [after]);
  const show = (next: StudioTab, then: 'reveal' | 'top') => {
    setTab(next);
    setAfter((a) => ({ then, n: (a?.n ?? 0) + 1 }));
  };
  useGenerateIntents(() => show('create', 'top'));
  // Back or Forward to an open image or other filters: the gallery shows them.
  useEffect(() => {
    const onPop = () => {
      const asked = tabForUrl(window.location.search);
      if (asked) setTab(asked);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  return {
    tab,
    bar,
    /** The user picked a tab. */
    choose: (next: StudioTab) => show(next, 'top'),
    /** A task was accepted: show where its result appears. */
    revealResult: () => show('gallery', 'reveal'),
  };
}
