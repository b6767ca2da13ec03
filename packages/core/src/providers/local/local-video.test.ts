import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAsset } from '../../assets/create-asset';
import { probeVideo } from '../../ingest/probe-video';
import { createTaskInput } from '../../schemas';
import { createTask } from '../../tasks/create-task';
import { getTask } from '../../tasks/get-task';
import { createTestContext, until, type TestContext } from '../../testing';

const solid = (colour: string) =>
  sharp({ create: { width: 400, height: 300, channels: 3, background: colour } })
    .png()
    .toBuffer();

describe('the local engine’s clips', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext({ clock: 'system' });
    t.scheduler.start();
  });
  afterEach(() => t.close());

  const finished = async (id: string) => {
    await until(
      async () => ['completed', 'failed'].includes((await getTask(t.ctx, id)).status),
      60_000,
    );
    return await getTask(t.ctx, id);
  };

  it('makes a text-to-video MP4 of the length asked for, with a poster, offline', async () => {
    const task = await createTask(
      t.ctx,
      createTaskInput.parse({
        operation: 'text-to-video',
        prompt: 'a lighthouse at dusk',
        aspectRatio: '16:9',
        options: { durationSeconds: 4 },
      }),
    );
    const done = await finished(task.id);
    expect(done.error).toBeNull();
    expect(done.status).toBe('completed');
    const [clip] = done.generations;
    expect(clip).toMatchObject({ mime: 'video/mp4', width: 320, height: 180, durationMs: 4000 });
    const file = join(t.filesDir, clip?.url.replace('/files/', '') ?? '');
    expect(file).toMatch(/[0-9a-f]{64}\.mp4$/);
    expect(await probeVideo(file)).toEqual({ durationMs: 4000, width: 320, height: 180 });
    const poster = await sharp(
      join(t.filesDir, clip?.thumbUrl.replace('/files/', '') ?? ''),
    ).metadata();
    expect([poster.format, poster.width, poster.height]).toEqual(['webp', 320, 180]);
  });

  it('starts image-to-video on the first frame and follows the aspect ratio', async () => {
    const red = await createAsset(t.ctx, await solid('#d00000'));
    const blue = await createAsset(t.ctx, await solid('#0000d0'));
    const task = await createTask(
      t.ctx,
      createTaskInput.parse({
        operation: 'image-to-video',
        prompt: 'from red to blue',
        aspectRatio: '9:16',
        assetIds: [red.id, blue.id],
        options: { durationSeconds: 4 },
      }),
    );
    const done = await finished(task.id);
    expect(done.status).toBe('completed');
    const [clip] = done.generations;
    expect(clip).toMatchObject({ width: 180, height: 320, durationMs: 4000 });
    // The poster is the first frame: the first image, red.
    const thumb = join(t.filesDir, clip?.thumbUrl.replace('/files/', '') ?? '');
    const { dominant } = await sharp(thumb).stats();
    expect(dominant.r).toBeGreaterThan(150);
    expect(dominant.b).toBeLessThan(60);
    expect(existsSync(join(t.filesDir, clip?.url.replace('/files/', '') ?? ''))).toBe(true);
  });
});
