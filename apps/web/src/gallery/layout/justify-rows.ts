/** One row of a justified layout: items `start` to `start + count - 1`, all `height` tall. */
export interface JustifiedRow {
  start: number;
  count: number;
  /** The items' height in whole pixels. */
  height: number;
  /** Each item's left edge and width in whole pixels; a full row ends exactly at the width. */
  lefts: number[];
  widths: number[];
}

export interface JustifyOptions {
  /** The container's width in pixels. */
  width: number;
  /** The height a row aims for; full rows end up a little above or below it. */
  targetHeight: number;
  /** The space between two items of a row. */
  gap: number;
  /** Shapes outside [minAspect, maxAspect] are cropped to the nearest bound. */
  minAspect?: number;
  maxAspect?: number;
}

/** The bounds `justifyRows` crops to by default: 9:16 and 21:9 fit, 1:8 and 8:1 do not. */
export const defaultMinAspect = 0.5;
export const defaultMaxAspect = 3;

/** An item's width over height as the layout uses it: within the bounds, square if unknown. */
export function clampAspect(aspect: number, min = defaultMinAspect, max = defaultMaxAspect) {
  if (!Number.isFinite(aspect) || aspect <= 0) return 1;
  return Math.min(max, Math.max(min, aspect));
}

/** The row height at which `count` items of summed aspect `sum` fill `width` exactly. */
const fillHeight = (width: number, gap: number, sum: number, count: number) =>
  (width - gap * (count - 1)) / sum;

function placeRow(
  aspects: readonly number[],
  start: number,
  count: number,
  exactHeight: number,
  gap: number,
): JustifiedRow {
  const lefts: number[] = [];
  const widths: number[] = [];
  let x = 0;
  for (let i = start; i < start + count; i++) {
    // Rounding the running edges, not each width, keeps a full row's end on the container's edge.
    const left = Math.round(x);
    x += (aspects[i] ?? 1) * exactHeight;
    lefts.push(left);
    widths.push(Math.round(x) - left);
    x += gap;
  }
  return { start, count, height: Math.round(exactHeight), lefts, widths };
}

/**
 * Justified rows (as Flickr and Google Photos lay out pictures): items keep their shape, each
 * row is scaled so it fills the width exactly, and a row takes as many items as bring its height
 * nearest the target. The last row keeps the target height instead of stretching.
 */
export function justifyRows(
  rawAspects: readonly number[],
  options: JustifyOptions,
): JustifiedRow[] {
  const { targetHeight, gap } = options;
  const width = Math.floor(options.width);
  if (width <= 0 || targetHeight <= 0) return [];
  const aspects = rawAspects.map((a) => clampAspect(a, options.minAspect, options.maxAspect));
  const rows: JustifiedRow[] = [];
  let start = 0;
  while (start < aspects.length) {
    let sum = 0;
    let count = 0;
    let height = Infinity;
    let full = false;
    while (start + count < aspects.length) {
      const aspect = aspects[start + count] ?? 1;
      const next = fillHeight(width, gap, sum + aspect, count + 1);
      if (next <= targetHeight && count > 0) {
        // Full: keep the last item if that lands nearer the target than leaving it out.
        const keep = next > 0 && Math.log(targetHeight / next) < Math.log(height / targetHeight);
        if (keep) {
          sum += aspect;
          count += 1;
          height = next;
        }
        full = true;
        break;
      }
      sum += aspect;
      count += 1;
      height = next;
      if (height <= targetHeight) {
        full = true;
        break;
      }
    }
    // The last row is not stretched (but never wider than the container).
    rows.push(placeRow(aspects, start, count, full ? height : Math.min(height, targetHeight), gap));
    start += count;
  }
  return rows;
}
