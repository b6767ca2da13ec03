/** SQLite's and PostgreSQL's codes for a row that breaks a unique index. */
const uniqueCodes = new Set(['SQLITE_CONSTRAINT_UNIQUE', '23505']);

/**
 * Whether `error` (or what it wraps: drizzle wraps the driver's error as its `cause`) is a
 * unique index refusing a row, on either dialect.
 */
export function isUniqueViolation(error: unknown): boolean {
  for (let at = error, depth = 0; at instanceof Error && depth < 5; depth++) {
    const { code } = at as { code?: unknown };
    if (typeof code === 'string' && uniqueCodes.has(code)) return true;
    at = at.cause;
  }
  return false;
}
