import { describe, expect, it } from 'vitest';
import type { Generation } from '@genhub/core/schemas';
import { tileAspect, tileShapes } from './tile-shapes';

const image = (width: number, height: number): Generation => ({
  id: `g${width}x${height}`,
  url: '/f',
  thumbUrl: '/t',
  width,
  height,
  mime: 'image/webp',
  bytes: 1,
  durationMs: null,
});

describe('tileShapes', () => {
  it('uses the results’ own sizes once there are any', () => {
    expect(tileShapes({ generations: [image(1344, 768)], aspectRatio: '1:1', count: 1 })).toEqual([
      1344 / 768,
    ]);
  });

  it('uses the shape asked for while waiting or after a failure, once per image', () => {
    expect(tileShapes({ generations: [], aspectRatio: '9:16', count: 2 })).toEqual([
      768 / 1344,
      768 / 1344,
    ]);
    expect(tileShapes({ generations: [], aspectRatio: 'auto', count: 1 })).toEqual([1]);
  });

  it('gives a three-image task the shape of its mosaic', () => {
    const three = {
      generations: [image(10, 10), image(10, 10), image(10, 10)],
      aspectRatio: '1:1' as const,
      count: 3,
    };
    expect(tileAspect(three)).toBeCloseTo(1.5);
    expect(tileAspect({ generations: [], aspectRatio: '1:1', count: 3 })).toBeCloseTo(1.5);
  });
});
