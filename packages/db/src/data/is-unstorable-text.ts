/**
 * PostgreSQL's codes for text it cannot hold: a NUL character (U+0000) in a text parameter
 * (22021) or a json value (22P05). SQLite keeps such text, so only PostgreSQL raises them.
 */
const unstorableCodes = new Set(['22021', '22P05']);

/**
 * Whether `error` (or what it wraps: drizzle wraps the driver's error as its `cause`) is the
 * database refusing text it cannot store or compare, which a client sent.
 */
export function isUnstorableText(error: unknown): boolean {
  for (let at = error, depth = 0; at instanceof Error && depth < 5; depth++) {
    const { code } = at as { code?: unknown };
    if (typeof code === 'string' && unstorableCodes.has(code)) return true;
    at = at.cause;
  }
  return false;
}
