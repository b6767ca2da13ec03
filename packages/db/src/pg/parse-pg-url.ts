import { z } from 'zod';
import { PgDatabaseError } from './pg-database-error';

/** Where a PostgreSQL URL points, for messages: no password. */
export interface PgTarget {
  /** `host:port`, or the socket directory. */
  server: string;
  user: string;
  database: string;
}

const pgUrl = z.url({ protocol: /^postgres(ql)?$/ });

/** Checks that `url` is a postgres:// URL and says where it points, or throws `invalid_url`. */
export function parsePgUrl(url: string): PgTarget {
  const parsed = pgUrl.safeParse(url);
  if (!parsed.success) {
    throw new PgDatabaseError(
      'invalid_url',
      'The PostgreSQL URL is not valid: expected postgres://user:password@host:5432/database.',
    );
  }
  const { hostname, port, username, pathname, searchParams } = new URL(parsed.data);
  const socketDir = searchParams.get('host');
  const host = hostname || socketDir || 'localhost';
  return {
    server: host.startsWith('/') ? host : `${host}:${port || '5432'}`,
    user: decodeURIComponent(username || searchParams.get('user') || 'postgres'),
    database: decodeURIComponent(pathname.slice(1)) || decodeURIComponent(username) || 'postgres',
  };
}
