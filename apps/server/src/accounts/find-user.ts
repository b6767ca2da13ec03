import { findUserRow, type DataSource, type Unit, type UserRow } from '@genhub/db';
import { TRPCError } from '@trpc/server';

/** The user with this id, or NOT_FOUND. */
export function* findUser(tx: DataSource, id: string): Unit<UserRow> {
  const user = yield* findUserRow(tx, id);
  if (!user) throw new TRPCError({ code: 'NOT_FOUND', message: 'There is no user with this id' });
  return user;
}
