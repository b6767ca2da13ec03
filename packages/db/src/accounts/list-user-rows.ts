import { asc } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import type { UserRow } from '../schema';
import { textOrder } from './text-order';

/** Every user, oldest first (the first admin leads); users made in one millisecond by id. */
export async function listUserRows({ dialect, db, t }: DataSource): Promise<UserRow[]> {
  const { users } = t;
  return db
    .select()
    .from(users)
    .orderBy(asc(users.createdAt), asc(textOrder(dialect, users.id)));
}
