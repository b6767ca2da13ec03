/**
 * JSON as a hostile client can write it, which `JSON.stringify` cannot: own `__proto__` keys,
 * duplicate keys, and raw text such as `1e999` (Infinity once parsed), `-0` or unbalanced
 * nesting.
 */
export type Hostile =
  null | boolean | number | string | undefined | RawJson | HostileObject | Hostile[];

/** JSON text written as is. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** An object as a list of entries, so keys may repeat and `__proto__` is a plain key. */
export class HostileObject {
  constructor(readonly entries: [string, Hostile][]) {}
}

/** A plain value (a valid input) as a `Hostile` tree. */
export function fromPlain(value: unknown): Hostile {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) return value.map(fromPlain);
  if (typeof value === 'object') {
    return new HostileObject(Object.entries(value).map(([k, v]) => [k, fromPlain(v)]));
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  throw new Error(`not JSON: ${typeof value}`);
}

/** The JSON text of a value; `undefined` gives `undefined` at the top and is left out inside. */
export function toJsonText(value: Hostile): string | undefined {
  if (value === undefined) return undefined;
  if (value instanceof RawJson) return value.text;
  if (value instanceof HostileObject) {
    const fields = value.entries.flatMap(([key, v]) => {
      const text = toJsonText(v);
      return text === undefined ? [] : [`${JSON.stringify(key)}:${text}`];
    });
    return `{${fields.join(',')}}`;
  }
  if (Array.isArray(value)) return `[${value.map((v) => toJsonText(v) ?? 'null').join(',')}]`;
  return JSON.stringify(value);
}
