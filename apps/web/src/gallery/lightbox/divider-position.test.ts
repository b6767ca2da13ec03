import { describe, expect, it } from 'vitest';
import { dividerAfterKey, dividerAtPointer, dividerStart } from './divider-position';

describe('the compare divider', () => {
  it('moves by small and big steps, stays within 0–100, and ignores other keys', () => {
    expect(dividerAfterKey('ArrowLeft', dividerStart)).toBe(45);
    expect(dividerAfterKey('ArrowRight', dividerStart)).toBe(55);
    expect(dividerAfterKey('ArrowUp', 98)).toBe(100);
    expect(dividerAfterKey('ArrowDown', 2)).toBe(0);
    expect(dividerAfterKey('PageUp', 50)).toBe(70);
    expect(dividerAfterKey('PageDown', 10)).toBe(0);
    expect(dividerAfterKey('Home', 50)).toBe(0);
    expect(dividerAfterKey('End', 50)).toBe(100);
    expect(dividerAfterKey('Enter', 50)).toBeNull();
  });

  it('follows the pointer across the image, clamped to its edges', () => {
    expect(dividerAtPointer(150, 100, 200)).toBe(25);
    expect(dividerAtPointer(50, 100, 200)).toBe(0);
    expect(dividerAtPointer(400, 100, 200)).toBe(100);
    expect(dividerAtPointer(10, 0, 0)).toBe(dividerStart);
  });
});
