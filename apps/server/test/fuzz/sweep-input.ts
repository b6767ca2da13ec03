import type { Rng } from './create-rng';
import { HostileObject, type Hostile } from './hostile-json';
import { fieldName, pathsOf, replaceAt, valueAt, type Mutated } from './hostile-paths';
import { deepNesting, hostileNumber } from './hostile-value';

/** What breaks search indexes, SQL, file paths and text handling, for every string field. */
const hazards = [
  '"',
  '"unterminated',
  'kite*',
  '*',
  'NEAR(',
  'NEAR(kite fog, 2)',
  'prompt:kite',
  'kite OR',
  '(',
  '^kite',
  '-kite',
  'a\u0000b',
  '\u0000',
  "' OR '1'='1",
  "'; DROP TABLE tasks; --",
  '%',
  '_',
  '../../../../etc/passwd',
  '%2e%2e/%2e%2e/secret.key',
  '\u202eevil\u202c',
  '\ud800',
  '🦄👩‍👩‍👧‍👦',
  '__proto__',
];

/**
 * Every field of a valid input hit in turn: each string field with `perString` hazards, each
 * number with an edge value, each object with an unknown key holding a deep nesting (which a
 * schema that keeps unknown keys lets through); the rest of the input stays valid.
 */
export function sweepInput(rng: Rng, valid: Hostile, perString = 3): Mutated[] {
  return pathsOf(valid).flatMap((path) => {
    const value = valueAt(valid, path);
    if (value instanceof HostileObject) {
      const extra: [string, Hostile] = ['fuzzExtra', deepNesting(rng, 10_000)];
      const input = replaceAt(valid, path, () => new HostileObject([...value.entries, extra]));
      return [{ input, field: `${fieldName(path)} + a deep key` }];
    }
    const field = fieldName(path);
    if (typeof value === 'number') {
      return [{ input: replaceAt(valid, path, () => hostileNumber(rng)), field }];
    }
    if (typeof value !== 'string') return [];
    return Array.from({ length: perString }, () => ({
      input: replaceAt(valid, path, () => rng.pick(hazards)),
      field,
    }));
  });
}
