import { describe, expect, it } from 'vitest';
import { fitBox } from './fit-box';

describe('the comparison box', () => {
  it('keeps the image’s shape and fills the room on its tighter side', () => {
    expect(fitBox({ width: 800, height: 600 }, { width: 1024, height: 1024 })).toEqual({
      width: 600,
      height: 600,
    });
    expect(fitBox({ width: 800, height: 600 }, { width: 1600, height: 900 })).toEqual({
      width: 800,
      height: 450,
    });
    expect(fitBox({ width: 300, height: 900 }, { width: 100, height: 200 })).toEqual({
      width: 300,
      height: 600,
    });
  });

  it('is empty until both sizes are known', () => {
    expect(fitBox({ width: 0, height: 600 }, { width: 10, height: 10 })).toEqual({
      width: 0,
      height: 0,
    });
    expect(fitBox({ width: 800, height: 600 }, { width: 0, height: 0 })).toEqual({
      width: 0,
      height: 0,
    });
  });
});
