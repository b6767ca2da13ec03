const known = new WeakMap<object, string>();

/** The JSON an encoder can send for `value` without stringifying it, when it is known. */
export function knownJson(value: object): string | undefined {
  return known.get(value);
}

/** Records `json` as `value`'s JSON (which it must be) and returns `value`. */
export function withKnownJson<T extends object>(value: T, json: string): T {
  known.set(value, json);
  return value;
}
