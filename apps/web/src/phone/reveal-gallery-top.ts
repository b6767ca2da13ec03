import { revealOffset } from './reveal-offset';

/**
 * Brings the gallery's first tile (a new task's, once it arrives) into view if it is not: the
 * gallery keeps the scroll position when items arrive above what is in view, so a page
 * scrolled down would not show it. `offset` is the height of what sticks to the top.
 */
export function revealGalleryTop(offset: number): void {
  const heading = document.getElementById('gallery-heading');
  if (!heading) return;
  const tile = document.querySelector('[data-testid="task-tile"]');
  const top = heading.getBoundingClientRect().top;
  const delta = revealOffset(
    (tile ?? heading).getBoundingClientRect(),
    top,
    window.innerHeight,
    offset + 8,
  );
  if (delta !== null) window.scrollBy({ top: delta });
}
