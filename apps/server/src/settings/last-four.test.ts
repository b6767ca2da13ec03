import { describe, expect, it } from 'vitest';
import { lastFour } from './last-four';

describe('lastFour', () => {
  it('shows the last four characters of a key, and nothing of a short value', () => {
    expect(lastFour('sk-or-v1-abcdef1234')).toBe('1234');
    expect(lastFour('12345678')).toBe('5678');
    expect(lastFour('1234567')).toBe('');
    expect(lastFour('x')).toBe('');
  });
});
