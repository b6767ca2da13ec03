import { userQuotas, users, type Db } from '@genhub/db';
import { asc } from 'drizzle-orm';
import type { UserSummary } from '@genhub/api';
import { summarizeUser } from './summarize-user';

/** Every user, oldest first (the first admin leads). */
export function listUsers(db: Db): UserSummary[] {
  const quotas = db.select().from(userQuotas).orderBy(asc(userQuotas.unit)).all();
  return db
    .select()
    .from(users)
    .orderBy(asc(users.createdAt), asc(users.id))
    .all()
    .map((row) => summarizeUser(db, row, quotas));
}
