import { GenhubError } from '@genhub/client';
import { describe, expect, it } from 'vitest';
import { ToolInputError } from '../tool-input-error';
import { toolError } from './tool-error';

const text = (error: unknown) => {
  const result = toolError(error);
  expect(result.isError).toBe(true);
  const [block] = result.content;
  return block?.type === 'text' ? block.text : '';
};

describe('toolError', () => {
  it('says what went wrong, in words, with the code', () => {
    expect(text(new GenhubError('NOT_FOUND', 'Task x does not exist'))).toBe(
      'Task x does not exist (not found)',
    );
    expect(text(new GenhubError('FORBIDDEN', 'This needs the "generate" scope'))).toMatch(
      /may not do this/,
    );
    expect(text(new ToolInputError('Name an image by its id'))).toBe('Name an image by its id');
    expect(text(new Error('boom'))).toBe('Unexpected error: boom');
  });

  it('never repeats an API key, wherever it came from', () => {
    const key = 'gh_AbC123_secret-Value';
    expect(text(new Error(`request with ${key} failed`))).not.toContain(key);
    expect(text(new GenhubError('UNAUTHORIZED', `key ${key} refused`))).not.toContain('secret');
  });
});
