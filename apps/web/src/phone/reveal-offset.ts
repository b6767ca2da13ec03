/**
 * Where to scroll so a result placed at `target` (its box, relative to the viewport) can be
 * seen below a sticky bar `offset` pixels tall: null when it already can, else the scroll
 * distance that puts the gallery's `top` just under the bar.
 */
export function revealOffset(
  target: { top: number; bottom: number },
  top: number,
  viewportHeight: number,
  offset: number,
): number | null {
  const visible =
    target.top >= offset && Math.min(target.bottom, target.top + 120) <= viewportHeight;
  return visible ? null : top - offset;
}
