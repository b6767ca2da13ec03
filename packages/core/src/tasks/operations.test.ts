import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAsset } from '../assets/create-asset';
import { createLocalAdapter } from '../providers/local/local-adapter';
import { createTaskInput, type CreateTaskInput, type Operation, type Task } from '../schemas';
import { createTestContext, scriptedAdapter, until, type TestContext } from '../testing';
import { createTask } from './create-task';
import { getTask } from './get-task';
import { retryTask } from './retry-task';

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext({ clock: 'system' });
  t.scheduler.start();
});
afterEach(() => t.close());

const svgAsset = async (svg: string) =>
  (await createAsset(t.ctx, await sharp(Buffer.from(svg)).png().toBuffer())).id;

const productShot = () =>
  svgAsset(`<svg xmlns="http://www.w3.org/2000/svg" width="640" height="512">
<rect width="100%" height="100%" fill="rgb(240,240,236)"/><circle cx="320" cy="256" r="160" fill="rgb(30,90,200)"/></svg>`);

async function run(input: CreateTaskInput): Promise<Task> {
  const created = await createTask(t.ctx, createTaskInput.parse(input));
  await until(
    async () =>
      (await getTask(t.ctx, created.id)).status !== 'pending' &&
      (await getTask(t.ctx, created.id)).status !== 'processing',
    20_000,
    'the task to finish',
  );
  const done = await getTask(t.ctx, created.id);
  expect(done.error).toBeNull();
  expect(done.status).toBe('completed');
  return done;
}

const bytesOf = (task: Task, index = 0) =>
  t.ctx.storage.get(task.generations[index]!.url.replace('/files/', ''));

describe('image operations on the local provider, end to end', () => {
  it('remove-background: transparent corners, an opaque subject, and the mask when asked', async () => {
    const task = await run({
      operation: 'remove-background',
      assetIds: [await productShot()],
      options: { returnMask: true },
    });
    expect(task.options).toEqual({ returnMask: true, edgeSmooth: true });
    expect(task.aspectRatio).toBe('auto');
    expect(task.generations).toHaveLength(2);
    const { data, info } = await sharp(await bytesOf(task))
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect([info.width, info.height, info.channels]).toEqual([640, 512, 4]);
    const alphaAt = (x: number, y: number) => data[(y * info.width + x) * 4 + 3];
    expect([alphaAt(0, 0), alphaAt(639, 0), alphaAt(0, 511), alphaAt(639, 511)]).toEqual([
      0, 0, 0, 0,
    ]);
    expect(alphaAt(320, 256)).toBe(255);
    expect(task.warnings).toEqual([]);
  });

  it('enhance ×2 doubles the width and height of the reference', async () => {
    const task = await run({
      operation: 'enhance',
      assetIds: [await productShot()],
      options: { upscaleFactor: 2 },
      outputFormat: 'jpeg',
    });
    expect(task.generations[0]).toMatchObject({ width: 1280, height: 1024, mime: 'image/jpeg' });
    expect(task.options).toEqual({ enhancement: 'upscale', upscaleFactor: 2 });
  });

  it('style-transfer takes the palette of the second image at the size of the first', async () => {
    const content = await productShot();
    const style = await svgAsset(`<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300">
<rect width="100%" height="100%" fill="rgb(230,120,30)"/><rect width="150" height="300" fill="rgb(250,200,60)"/></svg>`);
    const task = await run({
      operation: 'style-transfer',
      assetIds: [content, style],
      options: { strength: 1 },
    });
    expect(task.generations[0]).toMatchObject({ width: 640, height: 512 });
    const [r, , b] = (await sharp(await bytesOf(task)).stats()).channels.map((c) => c.mean);
    expect(r).toBeGreaterThan(b! + 80);
  });

  it('batch-edit makes one edited image per input, each from its own reference', async () => {
    const a = await productShot();
    const b = await svgAsset(
      `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="800"><rect width="100%" height="100%" fill="teal"/></svg>`,
    );
    const task = await run({
      operation: 'batch-edit',
      prompt: 'make it autumn',
      assetIds: [a, b, a],
      aspectRatio: 'auto',
    });
    expect(task.count).toBe(3);
    expect(task.generations).toHaveLength(3);
    // Each result keeps its reference's shape (landscape, portrait, landscape).
    expect(task.generations.map((g) => g.width > g.height)).toEqual([true, false, true]);
  });

  it('a retry repeats the operation with the same settings', async () => {
    await t.close();
    // Fails every first call, so the first task fails and its retry runs.
    t = await createTestContext({
      clock: 'system',
      adapters: [
        scriptedAdapter((_prompt, call) => (call === 1 ? { code: 'invalid_request' } : null)),
      ],
    });
    t.scheduler.start();
    const asset = await productShot();
    const failed = await createTask(
      t.ctx,
      createTaskInput.parse({
        operation: 'enhance',
        assetIds: [asset],
        options: { upscaleFactor: 4 },
      }),
    );
    await until(
      async () => (await getTask(t.ctx, failed.id)).status === 'failed',
      10_000,
      'the first try to fail',
    );
    const again = await retryTask(t.ctx, failed.id);
    expect(again).toMatchObject({
      operation: 'enhance',
      count: 1,
      options: { enhancement: 'upscale', upscaleFactor: 4 },
    });
    await until(
      async () => (await getTask(t.ctx, again.id)).status === 'completed',
      10_000,
      'the retry to complete',
    );
    expect((await getTask(t.ctx, again.id)).generations[0]).toMatchObject({
      width: 2560,
      height: 2048,
    });
  });
});

describe('operation rules', () => {
  const issues = (input: CreateTaskInput) => {
    const result = createTaskInput.safeParse(input);
    return result.success
      ? []
      : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it.each([
    [{ operation: 'generate', prompt: '' }, 'prompt: Write a prompt'],
    [
      { operation: 'remove-background', assetIds: [] },
      'assetIds: Background removal takes exactly one image',
    ],
    [
      { operation: 'style-transfer', assetIds: ['a'] },
      'assetIds: Style transfer takes exactly two images: the content, then the style',
    ],
    [
      { operation: 'enhance', assetIds: ['a'], options: { strength: 0.5 } },
      'options.strength: "enhance" does not take strength',
    ],
    [
      {
        operation: 'enhance',
        assetIds: ['a'],
        options: { enhancement: 'color', upscaleFactor: 4 },
      },
      'options.upscaleFactor: upscaleFactor goes with enhancement "upscale"',
    ],
    [
      { operation: 'enhance', assetIds: ['a'], options: { upscaleFactor: 3 } },
      'options.upscaleFactor: Upscale by 2 or 4',
    ],
    [
      { operation: 'remove-background', assetIds: ['a'], outputFormat: 'jpeg' },
      'outputFormat: A cut-out needs transparency: choose png or webp',
    ],
    [
      { operation: 'batch-edit', prompt: 'x', assetIds: Array(21).fill('a') },
      'assetIds: Too big: expected array to have <=20 items',
    ],
    [
      { operation: 'enhance', assetIds: ['a'], count: 2 },
      'count: "enhance" makes one image per input image; leave count at 1',
    ],
    [
      { operation: 'edit', prompt: 'x', assetIds: ['a'], options: { bogus: 1 } },
      'options: Unrecognized key: "bogus"',
    ],
  ] as [CreateTaskInput, string][])('%j is refused with "%s"', (input, message) => {
    expect(issues(input)).toContain(message);
  });

  it('a model without the operation is refused naming the field', async () => {
    await t.close();
    const local = createLocalAdapter({ delayMs: 0 });
    const editOnly = {
      ...local,
      id: 'edit-only',
      models: local.models.map((m) => ({ ...m, operations: ['generate', 'edit'] as Operation[] })),
    };
    t = await createTestContext({ adapters: [local, editOnly] });
    const asset = await productShot();
    const refuse = () =>
      createTask(
        t.ctx,
        createTaskInput.parse({ operation: 'enhance', assetIds: [asset], provider: 'edit-only' }),
      );
    await expect(refuse()).rejects.toThrow(/does not support operation "enhance"/);
    await expect(refuse()).rejects.toThrow(
      expect.objectContaining({ field: 'operation' }) as Error,
    );
  });
});
