import type { Rng } from './create-rng';
import { HostileObject, RawJson, type Hostile } from './hostile-json';

/** The key a prototype-pollution payload tries to plant on every object. */
export const pollutionKey = 'fuzzPolluted';

/** Strings that have broken parsers, search indexes, file paths and SQL elsewhere. */
export const nastyStrings: readonly string[] = [
  '',
  ' ',
  '\t\n\r',
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '1e309',
  '0x1F',
  '007',
  '1_000',
  'null',
  'undefined',
  'true',
  '[object Object]',
  'a\u0000b',
  '\u0000',
  '\u0001\u0002\u0003\u001b[31m\u007f',
  '\u2028\u2029',
  '\u202eevil\u202c',
  '\u200b\u200d\ufeff',
  '🦄👩‍👩‍👧‍👦🏳️‍🌈',
  '\ud800',
  '\udfffx\ud800',
  'e\u0301\u0301\u0301',
  'Ω≈ç√∫˜µ≤≥÷',
  '表ポあA鷗Œé',
  '"',
  '""',
  '"unterminated',
  '*',
  'kite*',
  'NEAR(',
  'NEAR(kite fog, 2)',
  'prompt:',
  'prompt:kite',
  'kite OR',
  'AND',
  'NOT kite',
  '(',
  ')',
  '^kite',
  '{prompt} : kite',
  '-kite',
  "' OR '1'='1",
  "'; DROP TABLE tasks; --",
  '1; SELECT * FROM sqlite_master',
  "1' UNION SELECT name FROM sqlite_master --",
  '%',
  '_',
  '\\',
  '%%%',
  '../',
  '../../../../etc/passwd',
  '..%2f..%2fgenhub.sqlite',
  '%2e%2e/%2e%2e/secret.key',
  '..\\..\\windows\\win.ini',
  '....//....//',
  '/etc/passwd',
  'C:\\Windows\\System32',
  'file:///etc/passwd',
  'http://169.254.169.254/latest/meta-data/',
  'http://127.0.0.1:1/',
  '//evil.example/x',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '%s%s%s%n',
  '${7*7}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  'x\r\nX-Injected: 1',
  '01ARZ3NDEKTSV4RRFFQ69G5FAV',
  'a'.repeat(201),
];

const longUnits = ['a', 'é', '🦄', '\u0000', '"', ' ', '\\', '%'];

/** A string: a nasty one, a mix of them, a lone surrogate, or a very long one (up to 100 KB). */
export function hostileString(rng: Rng): string {
  const roll = rng.next();
  if (roll < 0.6) return rng.pick(nastyStrings);
  if (roll < 0.85) return rng.pick(nastyStrings) + rng.pick(nastyStrings) + rng.pick(nastyStrings);
  if (roll < 0.93) return String.fromCharCode(0xd800 + rng.int(0x800)).repeat(1 + rng.int(3));
  return rng.pick(longUnits).repeat(rng.pick([1_000, 10_000, 100_000]));
}

const edgeNumbers: readonly Hostile[] = [
  0,
  -1,
  1,
  0.5,
  -0.5,
  1e-308,
  5e-324,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53) - 2,
  1e21,
  1.7976931348623157e308,
  -1.7976931348623157e308,
  new RawJson('-0'),
  new RawJson('1e999'),
  new RawJson('-1e999'),
  new RawJson('1' + '0'.repeat(400)),
  new RawJson('0.' + '0'.repeat(400) + '1'),
  new RawJson('123456789012345678901234567890'),
];

/** A number at an edge: zero, negative, fractional, huge, beyond a double (Infinity), `-0`. */
export function hostileNumber(rng: Rng): Hostile {
  return rng.pick(edgeNumbers);
}

/** A nesting `depth` deep, as raw text so the sender never recurses. */
export function deepNesting(rng: Rng, depth: number): RawJson {
  return rng.chance(0.5)
    ? new RawJson('['.repeat(depth) + ']'.repeat(depth))
    : new RawJson('{"a":'.repeat(depth) + '1' + '}'.repeat(depth));
}

/** Objects that try prototype pollution, odd keys, or a great many keys. */
function hostileObject(rng: Rng, depth: number): HostileObject {
  switch (rng.int(6)) {
    case 0:
      return new HostileObject([['__proto__', new HostileObject([[pollutionKey, true]])]]);
    case 1:
      return new HostileObject([
        ['constructor', new HostileObject([['prototype', new HostileObject([[pollutionKey, 1]])]])],
      ]);
    case 2:
      return new HostileObject(
        ['', '\u0000', 'toString', 'valueOf', '__defineGetter__', 'a'.repeat(5000)].map((k) => [
          k,
          hostileValue(rng, depth + 1),
        ]),
      );
    case 3:
      return new HostileObject(
        Array.from({ length: rng.pick([100, 5000]) }, (_, i) => [`k${i}`, i]),
      );
    case 4:
      return new HostileObject([]);
    default:
      return new HostileObject(
        Array.from({ length: 1 + rng.int(3) }, () => [
          hostileString(rng).slice(0, 50),
          hostileValue(rng, depth + 1),
        ]),
      );
  }
}

function hostileArray(rng: Rng, depth: number): Hostile {
  switch (rng.int(4)) {
    case 0:
      return [];
    case 1:
      return Array.from({ length: rng.pick([10_001, 2_000]) }, (_, i) => `x${i}`);
    case 2:
      return deepNesting(rng, rng.pick([100, 1_000, 10_000, 100_000]));
    default:
      return Array.from({ length: 1 + rng.int(3) }, () => hostileValue(rng, depth + 1));
  }
}

/** Any value from the grammar: wrong types, edge numbers, nasty strings, odd structures. */
export function hostileValue(rng: Rng, depth = 0): Hostile {
  const kinds = depth > 2 ? 5 : 7;
  switch (rng.int(kinds)) {
    case 0:
    case 1:
      return hostileString(rng);
    case 2:
      return hostileNumber(rng);
    case 3:
      return rng.pick([null, true, false, undefined]);
    case 4:
      return rng.pick(['', '0', 0, [], new HostileObject([])]);
    case 5:
      return hostileObject(rng, depth);
    default:
      return hostileArray(rng, depth);
  }
}
