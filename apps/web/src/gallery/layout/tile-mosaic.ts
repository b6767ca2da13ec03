/** Where one image sits in a tile, as fractions of the tile's width and height. */
export interface MosaicCell {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Mosaic {
  /** The tile's width over height, at which every image keeps its own shape. */
  aspect: number;
  /** One cell per shown image, in order. */
  cells: MosaicCell[];
  /** Images not shown (a "+n" on the last cell). */
  hidden: number;
}

/** The most images a tile shows; the rest are counted on the last one. */
export const mosaicMaxShown = 4;

type Node = number | { dir: 'row' | 'column'; children: Node[] };

const row = (...children: Node[]): Node => ({ dir: 'row', children });
const column = (...children: Node[]): Node => ({ dir: 'column', children });

function aspectOf(node: Node): number {
  if (typeof node === 'number') return node;
  const parts = node.children.map(aspectOf);
  return node.dir === 'row'
    ? parts.reduce((s, a) => s + a, 0)
    : 1 / parts.reduce((s, a) => s + 1 / a, 0);
}

/** Places `node` in a box `width` × `height` at (x, y), in units where the tile is 1 tall. */
function place(node: Node, x: number, y: number, width: number, height: number): MosaicCell[] {
  if (typeof node === 'number') return [{ x, y, w: width, h: height }];
  const cells: MosaicCell[] = [];
  let offset = 0;
  for (const child of node.children) {
    const a = aspectOf(child);
    if (node.dir === 'row') {
      const w = a * height;
      cells.push(...place(child, x + offset, y, w, height));
      offset += w;
    } else {
      const h = width / a;
      cells.push(...place(child, x, y + offset, width, h));
      offset += h;
    }
  }
  return cells;
}

/** The arrangements tried for n images (`a` their aspects): rows, columns, one large plus a strip. */
function candidates(a: readonly number[]): Node[] {
  const [p = 1, q = 1, r = 1, s = 1] = a;
  switch (a.length) {
    case 1:
      return [p];
    case 2:
      return [row(p, q), column(p, q)];
    case 3:
      return [row(p, column(q, r)), column(p, row(q, r)), row(p, q, r), column(p, q, r)];
    default:
      return [column(row(p, q), row(r, s)), row(p, column(q, r, s)), column(p, row(q, r, s))];
  }
}

/**
 * How a task's images share its tile without empty space or cropping: of a few designed
 * arrangements (side by side, stacked, the first large beside or above a strip of the others,
 * two by two), the one whose shape is nearest the first image's, kept between 3:4 and 3:2.
 */
export function tileMosaic(aspects: readonly number[]): Mosaic {
  const shown = aspects.slice(0, mosaicMaxShown).map((a) => (Number.isFinite(a) && a > 0 ? a : 1));
  if (shown.length === 0) return { aspect: 1, cells: [], hidden: 0 };
  const [only] = shown;
  if (shown.length === 1 && only !== undefined) {
    return { aspect: only, cells: [{ x: 0, y: 0, w: 1, h: 1 }], hidden: 0 };
  }
  const target = Math.log(Math.min(1.5, Math.max(0.75, shown[0] ?? 1)));
  let best: Node = shown[0] ?? 1;
  let bestDistance = Infinity;
  for (const node of candidates(shown)) {
    const distance = Math.abs(Math.log(aspectOf(node)) - target);
    // Strictly nearer: on a tie the earlier (designed-first) arrangement stays.
    if (distance < bestDistance - 1e-9) {
      best = node;
      bestDistance = distance;
    }
  }
  const aspect = aspectOf(best);
  const cells = place(best, 0, 0, aspect, 1).map((c) => ({
    x: c.x / aspect,
    y: c.y,
    w: c.w / aspect,
    h: c.h,
  }));
  return { aspect, cells, hidden: aspects.length - shown.length };
}
