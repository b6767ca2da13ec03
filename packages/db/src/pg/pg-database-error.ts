/** Why a PostgreSQL database could not be opened. */
export type PgDatabaseErrorCode =
  'invalid_url' | 'unreachable' | 'auth_failed' | 'no_database' | 'migration_failed';

/**
 * PostgreSQL cannot be used as configured: one line saying what is wrong and where, never the
 * password or the URL itself.
 */
export class PgDatabaseError extends Error {
  override readonly name = 'PgDatabaseError';

  constructor(
    readonly code: PgDatabaseErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message.replace(/\s+/g, ' ').trim(), options);
  }
}
