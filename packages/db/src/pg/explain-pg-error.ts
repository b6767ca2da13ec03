import { DatabaseError } from 'pg';
import { PgDatabaseError } from './pg-database-error';
import type { PgTarget } from './parse-pg-url';

const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOENT',
]);

function codeOf(error: unknown): string | undefined {
  const { code, errors } = (error ?? {}) as { code?: unknown; errors?: unknown };
  if (typeof code === 'string') return code;
  // Several addresses tried (localhost as ::1 and 127.0.0.1): Node reports each one's error.
  if (Array.isArray(errors)) return codeOf(errors[0]);
  return undefined;
}

/**
 * A failure to connect to or migrate the database at `target`, as a `PgDatabaseError`: the
 * server's SQLSTATE or the network error's code, never the driver's whole text.
 */
export function explainPgError(error: unknown, target: PgTarget): PgDatabaseError {
  if (error instanceof PgDatabaseError) return error;
  const code = codeOf(error);
  const at = `PostgreSQL at ${target.server}`;
  if (code && networkCodes.has(code)) {
    return new PgDatabaseError('unreachable', `${at} cannot be reached (${code}).`, {
      cause: error,
    });
  }
  if (error instanceof Error && /timeout/i.test(error.message) && !code) {
    return new PgDatabaseError('unreachable', `${at} did not answer in time.`, { cause: error });
  }
  // SQLSTATE class 28: invalid authorization (wrong password, unknown role, no pg_hba entry).
  if (code?.startsWith('28')) {
    return new PgDatabaseError(
      'auth_failed',
      `${at} refused user "${target.user}" (${code}): check the user name and password.`,
      { cause: error },
    );
  }
  if (code === '3D000') {
    return new PgDatabaseError(
      'no_database',
      `${at} has no database "${target.database}" (${code}): create it first.`,
      { cause: error },
    );
  }
  // The server's own words (permission denied to create extension, …) name no secret.
  const said = error instanceof DatabaseError ? `: ${error.message}` : '';
  return new PgDatabaseError(
    'migration_failed',
    `Migrating database "${target.database}" on ${at} failed${code ? ` (${code})` : ''}${said}.`,
    { cause: error },
  );
}
