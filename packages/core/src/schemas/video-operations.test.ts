import { describe, expect, it } from 'vitest';
import { createTaskInput, mediaOf, resolveOptions } from './index';

const issues = (input: unknown) => {
  const result = createTaskInput.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), i.message]);
};

describe('the video operations', () => {
  it('take a prompt and no images for text-to-video, 8 seconds unless asked', () => {
    expect(issues({ operation: 'text-to-video', prompt: 'waves' })).toEqual([]);
    expect(resolveOptions('text-to-video', {})).toEqual({ durationSeconds: 8 });
    expect(issues({ operation: 'text-to-video', prompt: 'waves', assetIds: ['a'] })).toEqual([
      ['assetIds', 'Text-to-video takes no images'],
    ]);
    expect(issues({ operation: 'text-to-video', prompt: '' })).toEqual([
      ['prompt', 'Write a prompt'],
    ]);
  });

  it('make one clip a task and take 4, 6 or 8 seconds only', () => {
    expect(issues({ operation: 'text-to-video', prompt: 'x', count: 2 })).toEqual([
      ['count', '"text-to-video" makes one clip a task; leave count at 1'],
    ]);
    expect(
      issues({ operation: 'text-to-video', prompt: 'x', options: { durationSeconds: 5 } }),
    ).toEqual([['options.durationSeconds', 'A clip is 4, 6, 8 seconds long']]);
    expect(
      issues({ operation: 'text-to-video', prompt: 'x', options: { videoMode: 'frames' } }),
    ).toHaveLength(1);
  });

  it('reads 1 or 2 images as frames, and up to 3 as references for 8-second clips', () => {
    const i2v = (assetIds: string[], options: object = {}) =>
      issues({ operation: 'image-to-video', prompt: 'x', assetIds, options });
    expect(i2v(['a'])).toEqual([]);
    expect(i2v(['a', 'b'])).toEqual([]);
    expect(i2v(['a', 'b', 'c'])).toEqual([
      ['assetIds', expect.stringMatching(/at most a last one/) as unknown],
    ]);
    expect(i2v(['a', 'b', 'c'], { videoMode: 'reference' })).toEqual([]);
    expect(i2v(['a', 'b', 'c', 'd'], { videoMode: 'reference' })).toHaveLength(1);
    expect(i2v([])).toHaveLength(1);
    expect(i2v(['a'], { videoMode: 'reference', durationSeconds: 6 })).toEqual([
      ['options.durationSeconds', 'Reference images make 8-second clips only'],
    ]);
    expect(resolveOptions('image-to-video', {})).toEqual({
      durationSeconds: 8,
      videoMode: 'frames',
    });
  });

  it('sort operations into images and videos for the gallery filter', () => {
    expect(mediaOf('text-to-video')).toBe('video');
    expect(mediaOf('image-to-video')).toBe('video');
    expect(mediaOf('generate')).toBe('image');
    expect(mediaOf('batch-edit')).toBe('image');
  });
});
