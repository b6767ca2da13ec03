// sRGB (D65) ⇄ CIE Lab, per pixel, on 0–255 channels.
const white = [0.95047, 1, 1.08883] as const;
const toLinear = (c: number) => {
  const v = c / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
};
const fromLinear = (v: number) =>
  255 * (v <= 0.0031308 ? 12.92 * v : 1.055 * Math.max(v, 0) ** (1 / 2.4) - 0.055);
const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
const fInverse = (t: number) => (t ** 3 > 216 / 24389 ? t ** 3 : (116 * t - 16) / (24389 / 27));

/** `toLinear` of every 8-bit value: the same numbers, computed once. */
const linear = Float64Array.from({ length: 256 }, (_, c) => toLinear(c));

function rgbToLab(r: number, g: number, b: number, out: Float32Array, at: number): void {
  const [lr, lg, lb] = [linear[r] ?? 0, linear[g] ?? 0, linear[b] ?? 0];
  const x = f((0.4124564 * lr + 0.3575761 * lg + 0.1804375 * lb) / white[0]);
  const y = f((0.2126729 * lr + 0.7151522 * lg + 0.072175 * lb) / white[1]);
  const z = f((0.0193339 * lr + 0.119192 * lg + 0.9503041 * lb) / white[2]);
  out[at] = 116 * y - 16;
  out[at + 1] = 500 * (x - y);
  out[at + 2] = 200 * (y - z);
}

function labToRgb(l: number, a: number, b: number, out: Uint8Array, at: number): void {
  const fy = (l + 16) / 116;
  const x = white[0] * fInverse(fy + a / 500);
  const y = white[1] * fInverse(fy);
  const z = white[2] * fInverse(fy - b / 200);
  out[at] = fromLinear(3.2404542 * x - 1.5371385 * y - 0.4985314 * z);
  out[at + 1] = fromLinear(-0.969266 * x + 1.8760108 * y + 0.041556 * z);
  out[at + 2] = fromLinear(0.0556434 * x - 0.2040259 * y + 1.0572252 * z);
}

function toLab(rgb: Uint8Array): Float32Array {
  const lab = new Float32Array(rgb.length);
  for (let i = 0; i < lab.length; i += 3) {
    rgbToLab(rgb[i] ?? 0, rgb[i + 1] ?? 0, rgb[i + 2] ?? 0, lab, i);
  }
  return lab;
}

function meanAndDeviation(lab: Float32Array) {
  const n = lab.length / 3;
  const mean = [0, 0, 0];
  const deviation = [0, 0, 0];
  for (let i = 0; i < lab.length; i++) mean[i % 3] = (mean[i % 3] ?? 0) + (lab[i] ?? 0) / n;
  for (let i = 0; i < lab.length; i++) {
    deviation[i % 3] = (deviation[i % 3] ?? 0) + ((lab[i] ?? 0) - (mean[i % 3] ?? 0)) ** 2 / n;
  }
  return { mean, deviation: deviation.map((v) => Math.max(Math.sqrt(v), 1e-6)) };
}

/**
 * Reinhard et al. colour transfer in CIE Lab on packed RGB pixels: the content's per-channel
 * mean and standard deviation are moved to the style's, blended by `strength` (0.1–1).
 * Pure JavaScript over every pixel, so it runs in a pixel worker, never on the event loop.
 */
export function labTransfer(content: Uint8Array, style: Uint8Array, strength: number): Uint8Array {
  const source = toLab(content);
  const from = meanAndDeviation(source);
  const to = meanAndDeviation(toLab(style));
  const out = new Uint8Array(source.length);
  const channel = (value: number, c: number) => {
    const moved =
      ((value - (from.mean[c] ?? 0)) * (to.deviation[c] ?? 1)) / (from.deviation[c] ?? 1) +
      (to.mean[c] ?? 0);
    return value + strength * (moved - value);
  };
  for (let i = 0; i < source.length; i += 3) {
    labToRgb(
      channel(source[i] ?? 0, 0),
      channel(source[i + 1] ?? 0, 1),
      channel(source[i + 2] ?? 0, 2),
      out,
      i,
    );
  }
  return out;
}
