import sharp from 'sharp';
import { clipLength } from '../schemas/clip-length';

/**
 * A poster for a video whose frames cannot be read here (no ffmpeg): the clip's shape, a
 * play glyph and its length. The length is SVG text: on a machine without fonts it is left
 * out, and the gallery's duration badge still shows it.
 */
export function drawNeutralPoster(
  width: number,
  height: number,
  durationMs: number,
): Promise<Buffer> {
  // The poster's own size: the clip's proportions, about 384 pixels on the long side.
  const scale = 384 / Math.max(width, height);
  const w = Math.max(16, Math.round(width * scale));
  const h = Math.max(16, Math.round(height * scale));
  const r = Math.min(w, h) * 0.16;
  const cx = w / 2;
  const cy = h / 2;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
<stop offset="0" stop-color="#27272a"/><stop offset="1" stop-color="#52525b"/></linearGradient></defs>
<rect width="${w}" height="${h}" fill="url(#g)"/>
<circle cx="${cx}" cy="${cy}" r="${r.toFixed(1)}" fill="rgba(255,255,255,0.18)"/>
<path d="M${(cx - r * 0.35).toFixed(1)} ${(cy - r * 0.5).toFixed(1)} L${(cx + r * 0.55).toFixed(1)} ${cy} L${(cx - r * 0.35).toFixed(1)} ${(cy + r * 0.5).toFixed(1)} Z" fill="#fafafa"/>
<text x="${w - 10}" y="${h - 10}" text-anchor="end" font-family="sans-serif" font-size="${Math.round(Math.min(w, h) * 0.09)}" fill="#fafafa">${clipLength(durationMs)}</text>
</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}
