/** Squared RGB distance under which a pixel counts as the border's colour. */
const minThreshold = 24 ** 2;

function borderIndices(width: number, height: number): number[] {
  const indices: number[] = [];
  for (let x = 0; x < width; x++) indices.push(x, (height - 1) * width + x);
  for (let y = 1; y < height - 1; y++) indices.push(y * width, y * width + width - 1);
  return indices;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * The alpha of a classical background removal on packed RGB pixels: 0 for whatever is
 * connected to the image's border and close in colour to the border's median colour (flood
 * fill from every border pixel), 255 elsewhere. Pure JavaScript over every pixel, so it runs
 * in a pixel worker, never on the event loop.
 */
export function backgroundMask(rgb: Uint8Array, width: number, height: number): Uint8Array {
  const at = (i: number, c: number) => rgb[i * 3 + c] ?? 0;
  const border = borderIndices(width, height);
  const key = [0, 1, 2].map((c) => median(border.map((i) => at(i, c))));
  const distance = (i: number) =>
    (at(i, 0) - (key[0] ?? 0)) ** 2 +
    (at(i, 1) - (key[1] ?? 0)) ** 2 +
    (at(i, 2) - (key[2] ?? 0)) ** 2;
  // A noisy backdrop widens the tolerance: 3× the border's median deviation.
  const spread = Math.sqrt(median(border.map(distance)));
  const threshold = Math.max(minThreshold, (3 * spread) ** 2);

  const alpha = new Uint8Array(width * height).fill(255);
  const queue = new Int32Array(width * height);
  let head = 0;
  let tail = 0;
  const visit = (i: number) => {
    if (alpha[i] === 0 || distance(i) > threshold) return;
    alpha[i] = 0;
    queue[tail++] = i;
  };
  for (const i of border) visit(i);
  while (head < tail) {
    const i = queue[head++] ?? 0;
    const x = i % width;
    if (x > 0) visit(i - 1);
    if (x < width - 1) visit(i + 1);
    if (i >= width) visit(i - width);
    if (i < width * (height - 1)) visit(i + width);
  }
  return alpha;
}
