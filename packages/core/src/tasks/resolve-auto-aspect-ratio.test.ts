import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAsset } from '../assets/create-asset';
import { createLocalAdapter } from '../providers/local/local-adapter';
import { createTaskInput, type AspectRatio, type CreateTaskInput, type Task } from '../schemas';
import { createTestContext, scriptedAdapter, until, type TestContext } from '../testing';
import { createTask } from './create-task';
import { getTask } from './get-task';
import { nearestSupportedRatio } from './resolve-auto-aspect-ratio';

const local = createLocalAdapter({ delayMs: 0 });
/** The local engine as a model that takes only fixed ratios (as the Nano Banana API does). */
const fixedOnly = (ratios: AspectRatio[]) => ({
  ...local,
  id: 'fixed-only',
  models: local.models.map((m) => ({ ...m, aspectRatios: ratios })),
});

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext({
    clock: 'system',
    adapters: [
      local,
      fixedOnly(['1:1', '16:9', '9:16', '3:2']),
      { ...scriptedAdapter(() => ({ code: 'provider_unavailable' })), id: 'down' },
    ],
  });
  t.scheduler.start();
});
afterEach(() => t.close());

const photo = async (width: number, height: number) =>
  (
    await createAsset(
      t.ctx,
      await sharp({ create: { width, height, channels: 3, background: '#3a6' } })
        .png()
        .toBuffer(),
    )
  ).id;

async function run(input: CreateTaskInput): Promise<Task> {
  const created = await createTask(t.ctx, createTaskInput.parse(input));
  await until(
    async () => !['pending', 'processing'].includes((await getTask(t.ctx, created.id)).status),
    20_000,
    'the task to finish',
  );
  const done = await getTask(t.ctx, created.id);
  expect(done.error).toBeNull();
  return done;
}

describe('an edit that names no aspect ratio keeps the shape of its input image', () => {
  it('800×600 in gives a 4:3 image from the local provider', async () => {
    const task = await run({
      operation: 'edit',
      prompt: 'make it dusk',
      assetIds: [await photo(800, 600)],
    });
    expect(task.aspectRatio).toBe('auto');
    const [image] = task.generations;
    expect(image).toMatchObject({ width: 1184, height: 864 });
    expect(image!.width / image!.height).toBeCloseTo(4 / 3, 1);
    expect(task.warnings).toEqual([]);
  });

  it('follows the first of several images, portrait here', async () => {
    const task = await run({
      operation: 'edit',
      prompt: 'x',
      assetIds: [await photo(600, 800), await photo(1600, 900)],
    });
    expect(task.generations[0]).toMatchObject({ width: 864, height: 1184 });
  });

  it('a model without `auto` gets its own ratio nearest the image instead of a refusal', async () => {
    const wide = await run({
      operation: 'edit',
      prompt: 'x',
      provider: 'fixed-only',
      assetIds: [await photo(1920, 1080)],
    });
    expect(wide.aspectRatio).toBe('16:9');
    const landscape = await run({
      operation: 'edit',
      prompt: 'x',
      provider: 'fixed-only',
      aspectRatio: 'auto',
      assetIds: [await photo(800, 600)],
    });
    expect(landscape.aspectRatio).toBe('3:2');
    expect(landscape.generations[0]).toMatchObject({ width: 1248, height: 832 });
  });

  it('a ratio the user picked is kept, and still checked', async () => {
    const asset = await photo(800, 600);
    const square = await run({
      operation: 'edit',
      prompt: 'x',
      aspectRatio: '1:1',
      assetIds: [asset],
    });
    expect(square.generations[0]).toMatchObject({ width: 1024, height: 1024 });
    const refuse = () =>
      createTask(
        t.ctx,
        createTaskInput.parse({
          operation: 'edit',
          prompt: 'x',
          provider: 'fixed-only',
          aspectRatio: '4:3',
          assetIds: [asset],
        }),
      );
    await expect(refuse()).rejects.toThrow(
      expect.objectContaining({ field: 'aspectRatio' }) as Error,
    );
  });

  it('a fallback without `auto` is accepted for an edit in its input shape', async () => {
    const task = await createTask(
      t.ctx,
      createTaskInput.parse({
        operation: 'edit',
        prompt: 'x',
        assetIds: [await photo(800, 600)],
        fallback: [{ provider: 'fixed-only', model: 'local-preview' }],
      }),
    );
    expect(task.aspectRatio).toBe('auto');
  });

  it('a fallback without `auto` that takes over at run time gets its ratio nearest the image', async () => {
    const task = await run({
      operation: 'edit',
      prompt: 'x',
      provider: 'down',
      maxAttempts: 1,
      assetIds: [await photo(800, 600)],
      fallback: [{ provider: 'fixed-only', model: 'local-preview' }],
    });
    expect(task).toMatchObject({
      provider: 'fixed-only',
      triedProviders: ['down'],
      aspectRatio: '3:2',
    });
    expect(task.generations[0]).toMatchObject({ width: 1248, height: 832 });
  });
});

describe('the nearest ratio a model offers', () => {
  it('compares proportions, skipping `auto`', () => {
    expect(nearestSupportedRatio(['auto', '1:1', '4:3', '16:9'], 800, 600)).toBe('4:3');
    expect(nearestSupportedRatio(['1:1', '16:9', '9:16'], 600, 800)).toBe('1:1');
    expect(nearestSupportedRatio(['1:1', '1:4', '9:16'], 300, 1400)).toBe('1:4');
    expect(nearestSupportedRatio(['auto'], 800, 600)).toBeUndefined();
  });
});
