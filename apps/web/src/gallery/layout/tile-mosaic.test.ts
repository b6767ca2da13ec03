import { describe, expect, it } from 'vitest';
import { tileMosaic, type MosaicCell } from './tile-mosaic';

/** Every cell's shape in pixels when the tile is drawn `height` tall. */
const cellAspects = (aspect: number, cells: MosaicCell[], height = 300) =>
  cells.map((c) => (c.w * aspect * height) / (c.h * height));

/** The cells cover the tile exactly once: their areas add up to it and none leaves it. */
function expectTiled(cells: MosaicCell[]) {
  expect(cells.reduce((s, c) => s + c.w * c.h, 0)).toBeCloseTo(1, 6);
  for (const c of cells) {
    expect(c.x).toBeGreaterThanOrEqual(-1e-9);
    expect(c.y).toBeGreaterThanOrEqual(-1e-9);
    expect(c.x + c.w).toBeLessThanOrEqual(1 + 1e-9);
    expect(c.y + c.h).toBeLessThanOrEqual(1 + 1e-9);
  }
}

describe('tileMosaic', () => {
  it('gives one image the whole tile in its own shape', () => {
    expect(tileMosaic([16 / 9])).toEqual({
      aspect: 16 / 9,
      cells: [{ x: 0, y: 0, w: 1, h: 1 }],
      hidden: 0,
    });
  });

  it('has nothing to place for no images', () => {
    expect(tileMosaic([])).toEqual({ aspect: 1, cells: [], hidden: 0 });
  });

  it.each([
    [[1, 1]],
    [[16 / 9, 16 / 9]],
    [[9 / 16, 9 / 16]],
    [[1, 1, 1]],
    [[16 / 9, 16 / 9, 16 / 9]],
    [[9 / 16, 1, 21 / 9]],
    [[1, 1, 1, 1]],
    [[4 / 3, 3 / 4, 16 / 9, 1]],
  ])('fills the tile with %j, every image in its own shape', (aspects) => {
    const mosaic = tileMosaic(aspects);
    expect(mosaic.cells).toHaveLength(aspects.length);
    expectTiled(mosaic.cells);
    cellAspects(mosaic.aspect, mosaic.cells).forEach((a, i) =>
      expect(a).toBeCloseTo(aspects[i] ?? 0, 6),
    );
  });

  it('puts three squares as one large beside a strip of two, not a grid with a hole', () => {
    const { aspect, cells } = tileMosaic([1, 1, 1]);
    expect(aspect).toBeCloseTo(1.5);
    expect(cells[0]).toMatchObject({ x: 0, y: 0, h: 1 });
    expect(cells[0]?.w).toBeCloseTo(2 / 3);
    expect(cells[1]?.h).toBeCloseTo(0.5);
  });

  it('stacks wide images and sets tall ones side by side', () => {
    expect(tileMosaic([16 / 9, 16 / 9]).cells[1]?.y).toBeCloseTo(0.5);
    expect(tileMosaic([9 / 16, 9 / 16]).cells[1]?.x).toBeCloseTo(0.5);
    expect(tileMosaic([1, 1, 1, 1]).aspect).toBeCloseTo(1);
  });

  it('shows four and counts the rest', () => {
    const mosaic = tileMosaic([1, 1, 1, 1, 1, 1]);
    expect(mosaic.cells).toHaveLength(4);
    expect(mosaic.hidden).toBe(2);
  });

  it('reads an unknown size as square', () => {
    expect(tileMosaic([Number.NaN]).aspect).toBe(1);
  });
});
