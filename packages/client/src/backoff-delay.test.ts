import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff-delay';

describe('backoffDelay', () => {
  it('doubles from 250 ms, jittered between half and all of it', () => {
    expect([1, 2, 3].map((n) => backoffDelay(n, () => 0))).toEqual([125, 250, 500]);
    expect([1, 2, 3].map((n) => backoffDelay(n, () => 1))).toEqual([250, 500, 1000]);
  });

  it('stops growing at 8 s', () => {
    expect(backoffDelay(30, () => 1)).toBe(8000);
  });
});
