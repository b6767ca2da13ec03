import { randomInt } from 'node:crypto';
import sharp from 'sharp';
import { generations, tasks } from '@genhub/db';
import type { CoreContext } from '../context';
import { newId } from '../ids';
import { storeImage, type StoredImage } from '../ingest/store-image';
import { generationRow } from '../tasks/generation-row';
import { aspectRatios } from '../schemas';

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

/** A few distinct small images, stored once and shared by the seeded tasks. */
async function palette(ctx: CoreContext, n: number): Promise<StoredImage[]> {
  const images: StoredImage[] = [];
  for (let i = 0; i < n; i++) {
    const hue = Math.round((360 * i) / n);
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256">
<rect width="256" height="256" fill="hsl(${hue},55%,45%)"/>
<circle cx="${60 + ((i * 37) % 140)}" cy="${70 + ((i * 53) % 120)}" r="${40 + (i % 5) * 10}" fill="hsl(${(hue + 150) % 360},70%,65%)"/>
<rect x="${(i * 29) % 160}" y="150" width="90" height="60" rx="12" fill="hsl(${(hue + 60) % 360},60%,80%)" opacity="0.8"/></svg>`;
    images.push(await storeImage(ctx.storage, await sharp(Buffer.from(svg)).webp().toBuffer()));
  }
  return images;
}

/**
 * Fills a database with `count` finished generations (real small images, shared by content
 * hash), spread over the last `days` days, for trying the gallery and benchmarking it.
 */
export async function seedGallery(ctx: CoreContext, count: number, days = 60): Promise<void> {
  const images = await palette(ctx, 24);
  const now = ctx.clock.now();
  const start = now - days * 86_400_000;
  const chunk = 5000;
  for (let done = 0; done < count; done += chunk) {
    ctx.db.transaction((tx) => {
      for (let i = done; i < Math.min(count, done + chunk); i++) {
        const created = Math.round(start + ((now - start) * i) / count);
        const id = newId(created);
        const [provider, model] = providers[i % providers.length] ?? ['local', 'local-preview'];
        const image = images[i % images.length];
        if (!image) continue;
        const failed = i % 23 === 0;
        tx.insert(tasks)
          .values({
            id,
            status: failed ? 'failed' : 'completed',
            operation: 'generate',
            provider,
            model,
            prompt: `${subjects[i % subjects.length]}, ${styles[i % styles.length]} #${i}`,
            aspectRatio: aspectRatios[i % 10] ?? '1:1',
            count: 1,
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
          })
          .run();
        if (failed) continue;
        tx.insert(generations)
          .values(generationRow(id, 0, image, created + 5000))
          .run();
      }
    });
  }
}
