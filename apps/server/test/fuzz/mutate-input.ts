import type { Rng } from './create-rng';
import { HostileObject, RawJson, type Hostile } from './hostile-json';
import {
  fieldName,
  pathsOf,
  replaceAt,
  valueAt,
  type HostilePath,
  type Mutated,
} from './hostile-paths';
import { hostileNumber, hostileString, hostileValue, pollutionKey } from './hostile-value';

function numberTwists(n: number): Hostile[] {
  return [n - 1, n + 1, -n, n + 0.5, String(n), new RawJson('1e999'), new RawJson('-0')];
}

function stringTwists(rng: Rng, s: string): Hostile[] {
  return [
    `${s}\u0000`,
    `\u202e${s}`,
    `${s}"`,
    `${s}*`,
    `NEAR(${s}`,
    `prompt:${s}`,
    `${s}' OR 1=1 --`,
    `../${s}`,
    ` ${s} `,
    s.toUpperCase(),
    s.repeat(Math.ceil(rng.pick([201, 5_001, 100_000]) / Math.max(1, s.length))),
    Number(s),
    [s],
  ];
}

/** What one field becomes: hostile, null, missing, the wrong type, or just past its bounds. */
function twist(rng: Rng, current: Hostile): Hostile {
  const roll = rng.next();
  if (roll < 0.3) return hostileValue(rng);
  if (roll < 0.38) return null;
  if (roll < 0.45) return undefined;
  if (typeof current === 'number') return rng.pick([...numberTwists(current), hostileNumber(rng)]);
  if (typeof current === 'string')
    return rng.pick([...stringTwists(rng, current), hostileString(rng)]);
  if (typeof current === 'boolean') return rng.pick([String(current), Number(current), [current]]);
  if (Array.isArray(current)) return rng.pick([current[0], [current], [...current, ...current]]);
  if (current instanceof HostileObject) return rng.pick([[current], 'object']);
  return hostileValue(rng);
}

/** Adds a key beside the fields: a pollution attempt, an unknown key, or a duplicate of one. */
function addKey(rng: Rng, value: Hostile, path: HostilePath): Hostile {
  return replaceAt(value, path, (target) => {
    if (!(target instanceof HostileObject)) return target;
    const duplicate = target.entries[rng.int(Math.max(1, target.entries.length))]?.[0] ?? 'id';
    const key = rng.pick(['__proto__', 'constructor', duplicate, hostileString(rng).slice(0, 64)]);
    const extra: Hostile =
      key === '__proto__' ? new HostileObject([[pollutionKey, true]]) : hostileValue(rng);
    return new HostileObject([...target.entries, [key, extra]]);
  });
}

/** A valid input with exactly one thing changed: "almost valid". */
export function mutateInput(rng: Rng, valid: Hostile): Mutated {
  const paths = pathsOf(valid);
  const path = rng.pick(paths);
  if (rng.chance(0.2)) {
    const objects = paths.filter((p) => valueAt(valid, p) instanceof HostileObject);
    if (objects.length > 0) {
      const at = rng.pick(objects);
      return { input: addKey(rng, valid, at), field: `${fieldName(at)} + a key` };
    }
  }
  return { input: replaceAt(valid, path, (old) => twist(rng, old)), field: fieldName(path) };
}
