import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createTaskInput } from '../../schemas';
import { createLocalAdapter } from './local-adapter';
import { renderPromptImage } from './render-prompt-image';
import { transformReference } from './transform-reference';

const spec = {
  prompt: 'a lighthouse at dusk',
  seed: 7,
  index: 0,
  width: 1024,
  height: 1024,
  format: 'png' as const,
};

describe('local provider images', () => {
  it('is deterministic for prompt, seed and size, and differs per prompt and seed', async () => {
    const a = await renderPromptImage(spec);
    expect((await renderPromptImage(spec)).equals(a)).toBe(true);
    expect((await renderPromptImage({ ...spec, prompt: 'a forest' })).equals(a)).toBe(false);
    expect((await renderPromptImage({ ...spec, seed: 8 })).equals(a)).toBe(false);
  });

  it('differs visibly between prompts, not only in a few bytes', async () => {
    const stats = async (prompt: string) =>
      (await sharp(await renderPromptImage({ ...spec, prompt })).stats()).channels.map(
        (c) => c.mean,
      );
    const [a, b] = await Promise.all([stats('a lighthouse at dusk'), stats('a neon city in rain')]);
    const distance = a.reduce((sum, v, i) => sum + Math.abs(v - (b[i] ?? 0)), 0);
    expect(distance).toBeGreaterThan(15);
  });

  it('edits transform the reference pixels into the requested size and format', async () => {
    const reference = await sharp({
      create: { width: 640, height: 480, channels: 3, background: { r: 200, g: 40, b: 40 } },
    })
      .png()
      .toBuffer();
    const out = await transformReference(reference, {
      ...spec,
      width: 832,
      height: 1248,
      format: 'webp',
    });
    const meta = await sharp(out).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 832, 1248]);
    const before = (await sharp(reference).stats()).channels.map((c) => c.mean);
    const after = (await sharp(out).stats()).channels.map((c) => c.mean);
    expect(after.slice(0, 3)).not.toEqual(before.slice(0, 3));
  });
});

describe('local provider outages', () => {
  it('fails the configured share of attempts as provider_unavailable', async () => {
    const draws = [0.1, 0.9];
    const adapter = createLocalAdapter({
      delayMs: 0,
      failureRate: 0.5,
      random: () => draws.shift() ?? 0,
    });
    const input = createTaskInput.parse({ prompt: 'p' });
    const task = {
      ...input,
      id: 't',
      status: 'processing',
      model: 'local-preview',
      seed: 1,
      assetIds: [],
      options: {},
    } as never;
    const request = {
      task,
      references: [],
      signal: new AbortController().signal,
      callbackUrl: null,
    };
    await expect(adapter.generate(request)).rejects.toMatchObject({ code: 'provider_unavailable' });
    await expect(adapter.generate(request)).resolves.toMatchObject({
      images: [expect.any(Buffer)],
    });
  });
});
