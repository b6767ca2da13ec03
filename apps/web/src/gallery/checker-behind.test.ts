import { describe, expect, it } from 'vitest';
import { checkerBehind } from './checker-behind';

describe('the transparency checkerboard', () => {
  it('never shows while an image loads', () => {
    expect(checkerBehind('remove-background', 'image/png', false)).toBe(false);
    expect(checkerBehind('generate', 'image/png', false)).toBe(false);
  });

  it('shows behind a loaded cut-out only', () => {
    expect(checkerBehind('remove-background', 'image/png', true)).toBe(true);
    expect(checkerBehind('remove-background', 'image/webp', true)).toBe(true);
    expect(checkerBehind('remove-background', 'image/jpeg', true)).toBe(false);
    expect(checkerBehind('generate', 'image/png', true)).toBe(false);
    expect(checkerBehind('edit', 'image/webp', true)).toBe(false);
  });
});
