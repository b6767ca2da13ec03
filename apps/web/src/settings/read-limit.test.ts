import { describe, expect, it } from 'vitest';
import { readLimit } from './read-limit';

describe('readLimit', () => {
  it('reads an empty field as the server default', () => {
    expect(readLimit('tasksPerMinute', '')).toBeNull();
    expect(readLimit('maxUploadMb', '  ')).toBeNull();
  });

  it('takes whole numbers within the bounds the server accepts', () => {
    expect(readLimit('tasksPerMinute', '1')).toBe(1);
    expect(readLimit('tasksPerMinute', ' 10000 ')).toBe(10_000);
    expect(readLimit('maxUploadMb', '10')).toBe(10);
  });

  it('refuses fractions, zero, words and numbers past the bounds', () => {
    for (const value of ['0', '-3', '2.5', 'ten', '1e9', '10001']) {
      expect(readLimit('tasksPerMinute', value), value).toBeUndefined();
    }
    expect(readLimit('maxUploadMb', '11')).toBeUndefined();
  });
});
