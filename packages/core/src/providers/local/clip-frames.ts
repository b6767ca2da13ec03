import { seededRandom } from './seeded-random';

/** A picture the clip moves over, as RGBA pixels. */
export interface Still {
  pixels: Uint8Array;
  width: number;
  height: number;
}

export interface FramePlan {
  width: number;
  height: number;
  frames: number;
  /** Seeds the camera's path. */
  key: string;
  /** The clip ends on the last still, whole (first and last frames), rather than zoomed in. */
  endOnLast: boolean;
}

const smoothstep = (x: number) => x * x * (3 - 2 * x);

/** Adds `weight` × the colour of `still` at (u, v), in its own pixels (bilinear), to `out`. */
function sample(still: Still, u: number, v: number, weight: number, out: Float32Array): void {
  const x0 = Math.min(still.width - 1, Math.max(0, Math.floor(u)));
  const y0 = Math.min(still.height - 1, Math.max(0, Math.floor(v)));
  const x1 = Math.min(still.width - 1, x0 + 1);
  const y1 = Math.min(still.height - 1, y0 + 1);
  const fx = Math.min(1, Math.max(0, u - x0));
  const fy = Math.min(1, Math.max(0, v - y0));
  const p = still.pixels;
  const row0 = y0 * still.width;
  const row1 = y1 * still.width;
  for (let c = 0; c < 3; c++) {
    const top = (p[(row0 + x0) * 4 + c] ?? 0) * (1 - fx) + (p[(row0 + x1) * 4 + c] ?? 0) * fx;
    const bottom = (p[(row1 + x0) * 4 + c] ?? 0) * (1 - fx) + (p[(row1 + x1) * 4 + c] ?? 0) * fx;
    out[c] = (out[c] ?? 0) + (top * (1 - fy) + bottom * fy) * weight;
  }
}

/**
 * The frames of a preview clip, one RGBA buffer at a time (the same buffer, overwritten):
 * a slow camera move over the stills, crossfading from each to the next. With first and last
 * frames it starts and ends on them whole; otherwise it drifts and zooms in.
 */
export function* clipFrames(stills: Still[], plan: FramePlan): Generator<Uint8Array> {
  const random = seededRandom(`${plan.key}\u0000camera`);
  const target = { x: 0.35 + random() * 0.3, y: 0.35 + random() * 0.3 };
  const frame = new Uint8Array(plan.width * plan.height * 4);
  const colour = new Float32Array(3);
  const last = Math.max(1, plan.frames - 1);
  for (let index = 0; index < plan.frames; index++) {
    const t = index / last;
    const zoom = plan.endOnLast ? 1 - 0.2 * Math.sin(Math.PI * t) : 1 - 0.25 * t;
    const drift = plan.endOnLast ? Math.sin(Math.PI * t) : t;
    // Where along the stills: 0 is the first, stills.length - 1 the last.
    const along = t * (stills.length - 1);
    const from = Math.floor(along);
    const blend = smoothstep(along - from);
    // The window on each still in view: `zoom` of it, its centre drifting towards the target.
    const cx = 0.5 + (target.x - 0.5) * drift;
    const cy = 0.5 + (target.y - 0.5) * drift;
    const layers = (
      [
        [stills[from], 1 - blend],
        [stills[from + 1], blend],
      ] as const
    ).flatMap(([still, weight]) => {
      if (!still || weight <= 0) return [];
      const w = still.width * zoom;
      const h = still.height * zoom;
      return [
        {
          still,
          weight,
          left: Math.min(still.width - w, Math.max(0, cx * still.width - w / 2)),
          top: Math.min(still.height - h, Math.max(0, cy * still.height - h / 2)),
          stepX: w / plan.width,
          stepY: h / plan.height,
        },
      ];
    });
    for (let y = 0; y < plan.height; y++) {
      for (let x = 0; x < plan.width; x++) {
        colour.fill(0);
        for (const layer of layers) {
          sample(
            layer.still,
            layer.left + (x + 0.5) * layer.stepX - 0.5,
            layer.top + (y + 0.5) * layer.stepY - 0.5,
            layer.weight,
            colour,
          );
        }
        const at = (y * plan.width + x) * 4;
        frame[at] = colour[0] ?? 0;
        frame[at + 1] = colour[1] ?? 0;
        frame[at + 2] = colour[2] ?? 0;
        frame[at + 3] = 255;
      }
    }
    yield frame;
  }
}
