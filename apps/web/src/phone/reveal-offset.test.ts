import { describe, expect, it } from 'vitest';
import { revealOffset } from './reveal-offset';

describe('revealOffset', () => {
  it('leaves a result that can be seen where it is', () => {
    expect(revealOffset({ top: 300, bottom: 500 }, 250, 844, 56)).toBeNull();
    // A tall tile whose top part shows is seen.
    expect(revealOffset({ top: 600, bottom: 1200 }, 550, 844, 56)).toBeNull();
  });

  it('scrolls up to a result above the view, under the sticky bar', () => {
    expect(revealOffset({ top: -400, bottom: -200 }, -450, 844, 56)).toBe(-506);
  });

  it('scrolls down to a result below the fold', () => {
    expect(revealOffset({ top: 900, bottom: 1100 }, 850, 844, 0)).toBe(850);
  });

  it('counts a result hidden behind the sticky bar as not seen', () => {
    expect(revealOffset({ top: 20, bottom: 220 }, -30, 844, 56)).toBe(-86);
  });
});
