import { expect } from 'vitest';

/**
 * Asserts that every row holds numbers under `keys`: counts and sums must not come back as the
 * strings or bigints a driver may hand over.
 */
export function expectNumbers<Row>(rows: readonly Row[], ...keys: (keyof Row)[]): void {
  for (const row of rows) {
    for (const key of keys) expect(typeof row[key], String(key)).toBe('number');
  }
}
