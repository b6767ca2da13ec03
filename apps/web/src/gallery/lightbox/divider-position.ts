/** Where the before/after divider sits, in percent of the width (0: all after, 100: all before). */
export const dividerStart = 50;
const step = 5;
const bigStep = 20;

const clamp = (value: number) => Math.min(100, Math.max(0, value));

/** The divider after a key press, or null for a key the slider does not handle. */
export function dividerAfterKey(key: string, current: number): number | null {
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      return clamp(current - step);
    case 'ArrowRight':
    case 'ArrowUp':
      return clamp(current + step);
    case 'PageDown':
      return clamp(current - bigStep);
    case 'PageUp':
      return clamp(current + bigStep);
    case 'Home':
      return 0;
    case 'End':
      return 100;
    default:
      return null;
  }
}

/** The divider under a pointer at `clientX` over a box starting at `left`, `width` wide. */
export function dividerAtPointer(clientX: number, left: number, width: number): number {
  if (width <= 0) return dividerStart;
  return Math.round(clamp(((clientX - left) / width) * 100));
}
