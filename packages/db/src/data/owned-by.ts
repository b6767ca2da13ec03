import { eq, type Column, type SQL } from 'drizzle-orm';

/**
 * The one ownership rule of every repository: rows whose owner column is the acting user's, or
 * every row when no user acts (the server's own work, an admin's views).
 */
export function ownedBy(column: Column, owner: string | undefined): SQL | undefined {
  return owner === undefined ? undefined : eq(column, owner);
}
