import { HostileObject, type Hostile } from './hostile-json';

/** Where a field is: keys and indexes from the root. */
export type HostilePath = (string | number)[];

/** Every place in a value where one field can be changed: the root, each key, each element. */
export function pathsOf(value: Hostile, at: HostilePath = []): HostilePath[] {
  const here = [at];
  if (value instanceof HostileObject) {
    return here.concat(value.entries.flatMap(([k, v]) => pathsOf(v, [...at, k])));
  }
  if (Array.isArray(value)) return here.concat(value.flatMap((v, i) => pathsOf(v, [...at, i])));
  return here;
}

/** The field at `path`, or undefined. */
export function valueAt(value: Hostile, path: HostilePath): Hostile {
  let here: Hostile = value;
  for (const step of path) {
    if (here instanceof HostileObject) here = here.entries.find(([k]) => k === step)?.[1];
    else if (Array.isArray(here) && typeof step === 'number') here = here[step];
    else return undefined;
  }
  return here;
}

/** A copy with the field at `path` changed. */
export function replaceAt(
  value: Hostile,
  path: HostilePath,
  change: (old: Hostile) => Hostile,
): Hostile {
  if (path.length === 0) return change(value);
  const [head, ...rest] = path;
  if (value instanceof HostileObject) {
    return new HostileObject(
      value.entries.map(([k, v]) => [k, k === head ? replaceAt(v, rest, change) : v]),
    );
  }
  if (Array.isArray(value))
    return value.map((v, i) => (i === head ? replaceAt(v, rest, change) : v));
  return value;
}

/** A changed input and which field changed, for a failure report. */
export interface Mutated {
  input: Hostile;
  field: string;
}

/** `plan.batches.0` for a path, `(input)` for the root. */
export const fieldName = (path: HostilePath) => (path.length ? path.join('.') : '(input)');
