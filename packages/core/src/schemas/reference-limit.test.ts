import { describe, expect, it } from 'vitest';
import { createTaskInput } from './task';
import { referenceLimit } from './reference-limit';

describe('referenceLimit', () => {
  it("is the operation's rule", () => {
    expect(referenceLimit('generate')).toEqual({ min: 0, max: 0 });
    expect(referenceLimit('enhance')).toEqual({ min: 1, max: 1 });
    expect(referenceLimit('style-transfer')).toEqual({ min: 2, max: 2 });
    expect(referenceLimit('edit')).toEqual({ min: 1, max: 16 });
  });

  it('narrows an edit to what the model takes', () => {
    expect(referenceLimit('edit', {}, { maxReferenceImages: 4 })).toEqual({ min: 1, max: 4 });
    // Other operations do not read the model's edit limit.
    expect(referenceLimit('batch-edit', {}, { maxReferenceImages: 4 }).max).toBeGreaterThan(4);
  });

  it('takes two frames, or three references, for a video', () => {
    expect(referenceLimit('image-to-video')).toEqual({ min: 1, max: 2 });
    expect(referenceLimit('image-to-video', { videoMode: 'reference' })).toEqual({
      min: 1,
      max: 3,
    });
  });

  it('agrees with what the request schema accepts', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `a${i}`);
    for (const options of [{ videoMode: 'frames' as const }, { videoMode: 'reference' as const }]) {
      const { max } = referenceLimit('image-to-video', options);
      const parse = (n: number) =>
        createTaskInput.safeParse({
          operation: 'image-to-video',
          prompt: 'x',
          provider: 'local',
          assetIds: ids(n),
          options,
        }).success;
      expect(parse(max), `${options.videoMode} ${max}`).toBe(true);
      expect(parse(max + 1), `${options.videoMode} ${max + 1}`).toBe(false);
    }
  });
});
