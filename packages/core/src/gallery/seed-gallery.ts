import { randomInt } from 'node:crypto';
import sharp from 'sharp';
import { insertFinishedTasks, type GenerationRow, type NewTaskRow } from '@genhub/db';
import type { CoreContext } from '../context';
import { newId } from '../ids';
import { storeImage, type StoredImage } from '../ingest/store-image';
import { generationRow } from '../tasks/generation-row';
import { dimensionsOf, type AspectRatio } from '../schemas';

const subjects = [
  'a red fox in fresh snow',
  'a lighthouse at dusk',
  'neon city street in the rain',
  'a banana-shaped spaceship',
  'portrait of an astronaut, studio light',
  'a bowl of ramen, top view',
  '一只橘色的猫在窗台上睡觉',
  '黄昏时分的长城',
  '赛博朋克风格的街道',
  'watercolor mountains at sunrise',
  'a cozy cabin in the forest',
  'product shot of a perfume bottle',
];
const styles = [
  'cinematic',
  'watercolor',
  'isometric',
  'photoreal',
  'pixel art',
  '水墨画',
  'low poly',
];
const providers: [string, string][] = [
  ['local', 'local-preview'],
  ['kie', 'google/nano-banana'],
  ['openrouter', 'google/gemini-nano-banana-2.1'],
  ['gemini', 'gemini-nano-banana-2.1'],
  ['nanobanana', 'nano-banana'],
];

/** The shapes seeded pictures come in, square and 16:9 the most often, as people ask. */
const shapes = [
  '1:1',
  '16:9',
  '9:16',
  '1:1',
  '3:4',
  '4:3',
  '21:9',
  '16:9',
  '2:3',
  '3:2',
  '4:5',
] as const satisfies readonly AspectRatio[];
type Shape = (typeof shapes)[number];

/** How many pictures task `i` has: mostly one, some two, three or four. */
const picturesOf = (i: number) => (i % 19 === 7 ? 4 : i % 11 === 3 ? 3 : i % 13 === 5 ? 2 : 1);

/** A seeded task's shape: spread without a short period, so rows mix shapes. */
const shapeOf = (i: number): Shape =>
  shapes[(Math.imul(i, 2654435761) >>> 16) % shapes.length] ?? '1:1';

/** A few distinct small images in each shape, stored once and shared by the seeded tasks. */
async function palette(ctx: CoreContext, perShape: number): Promise<Map<Shape, StoredImage[]>> {
  const byShape = new Map<Shape, StoredImage[]>();
  for (const shape of new Set(shapes)) {
    const { width: w0, height: h0 } = dimensionsOf(shape);
    const scale = 384 / Math.max(w0, h0);
    const [w, h] = [Math.round(w0 * scale), Math.round(h0 * scale)];
    const images: StoredImage[] = [];
    for (let i = 0; i < perShape; i++) {
      const hue = Math.round((360 * i) / perShape + shapes.indexOf(shape) * 17) % 360;
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
<rect width="${w}" height="${h}" fill="hsl(${hue},55%,45%)"/>
<circle cx="${Math.round(w * (0.25 + ((i * 37) % 50) / 100))}" cy="${Math.round(h * (0.3 + ((i * 53) % 40) / 100))}" r="${Math.round(Math.min(w, h) * (0.15 + (i % 5) * 0.04))}" fill="hsl(${(hue + 150) % 360},70%,65%)"/>
<rect x="${Math.round(w * (((i * 29) % 60) / 100))}" y="${Math.round(h * 0.6)}" width="${Math.round(w * 0.35)}" height="${Math.round(h * 0.25)}" rx="12" fill="hsl(${(hue + 60) % 360},60%,80%)" opacity="0.8"/></svg>`;
      images.push(await storeImage(ctx.storage, await sharp(Buffer.from(svg)).webp().toBuffer()));
    }
    byShape.set(shape, images);
  }
  return byShape;
}

/**
 * Fills a database with `count` finished tasks (real small images in varied shapes, shared by
 * content hash; some tasks with two to four), spread over the last `days` days, for trying the
 * gallery and benchmarking it.
 */
export async function seedGallery(ctx: CoreContext, count: number, days = 60): Promise<void> {
  const images = await palette(ctx, 6);
  const now = ctx.clock.now();
  const start = now - days * 86_400_000;
  const chunk = 5000;
  for (let done = 0; done < count; done += chunk) {
    const taskRows: NewTaskRow[] = [];
    const generationRows: GenerationRow[] = [];
    for (let i = done; i < Math.min(count, done + chunk); i++) {
      const created = Math.round(start + ((now - start) * i) / count);
      const id = newId(created);
      const [provider, model] = providers[i % providers.length] ?? ['local', 'local-preview'];
      const shape = shapeOf(i);
      const pictures = picturesOf(i);
      const own = images.get(shape) ?? [];
      const failed = i % 23 === 0;
      taskRows.push({
        id,
        status: failed ? 'failed' : 'completed',
        operation: 'generate',
        provider,
        model,
        prompt: `${subjects[i % subjects.length]}, ${styles[i % styles.length]} #${i}`,
        aspectRatio: shape,
        count: pictures,
        outputFormat: 'webp',
        seed: randomInt(0, 2_147_483_647),
        attempts: 1,
        errorCode: failed ? 'no_image' : null,
        errorMessage: failed ? 'The provider returned no image' : null,
        starredAt: i % 17 === 0 ? created : null,
        createdAt: created,
        updatedAt: created + 5000,
        startedAt: created + 100,
        finishedAt: created + 5000,
      });
      if (failed) continue;
      for (let k = 0; k < pictures; k++) {
        const image = own[(i + k) % own.length];
        if (image) generationRows.push(generationRow(id, k, image, created + 5000));
      }
    }
    await ctx.data.transact((tx) => insertFinishedTasks(tx, taskRows, generationRows));
  }
}
