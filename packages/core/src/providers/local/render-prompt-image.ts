import sharp from 'sharp';
import type { OutputFormat } from '../../schemas';
import { encode } from './encode';
import { seededRandom } from './seeded-random';

export interface RenderSpec {
  prompt: string;
  seed: number;
  index: number;
  width: number;
  height: number;
  format: OutputFormat;
  /** For edits: how far from the reference (0.1–1). */
  strength?: number;
}

const hsl = (h: number, s: number, l: number, a = 1) =>
  `hsla(${Math.round(h)},${Math.round(s)}%,${Math.round(l)}%,${a.toFixed(2)})`;

/**
 * Text-to-image for the offline provider: an abstract composition whose palette and
 * shapes are a pure function of (prompt, seed, index, size), so the same request
 * always gives the same picture and different prompts look different.
 */
export function renderPromptImage(spec: RenderSpec): Promise<Buffer> {
  const random = seededRandom(`${spec.prompt}\u0000${spec.seed}\u0000${spec.index}`);
  const { width: w, height: h } = spec;
  const hue = random() * 360;
  const shapes: string[] = [];
  const shapeCount = 8 + Math.floor(random() * 10);
  for (let i = 0; i < shapeCount; i++) {
    const fill = hsl(
      hue + (random() - 0.5) * 160,
      55 + random() * 40,
      35 + random() * 45,
      0.35 + random() * 0.5,
    );
    const x = random() * w;
    const y = random() * h;
    const size = (0.08 + random() * 0.35) * Math.min(w, h);
    if (random() < 0.55) {
      shapes.push(
        `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${size.toFixed(1)}" fill="${fill}"/>`,
      );
    } else {
      const angle = (random() * 90).toFixed(1);
      shapes.push(
        `<rect x="${(x - size / 2).toFixed(1)}" y="${(y - size / 2).toFixed(1)}" width="${size.toFixed(1)}" height="${(size * (0.4 + random())).toFixed(1)}" rx="${(size * 0.15).toFixed(1)}" fill="${fill}" transform="rotate(${angle} ${x.toFixed(1)} ${y.toFixed(1)})"/>`,
      );
    }
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
<stop offset="0" stop-color="${hsl(hue, 60, 18 + random() * 20)}"/>
<stop offset="1" stop-color="${hsl(hue + 90 + random() * 120, 70, 45 + random() * 25)}"/>
</linearGradient></defs>
<rect width="${w}" height="${h}" fill="url(#bg)"/>
${shapes.join('\n')}
</svg>`;
  return encode(sharp(Buffer.from(svg)), spec.format);
}
