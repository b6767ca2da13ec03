import { users, type Db } from '@genhub/db';
import { eq } from 'drizzle-orm';
import type { Actor } from '../auth/create-user';
import { auditLimitChange } from './audit-limit-change';
import { findUser } from './find-user';
import type { UserLimits } from './user-limits';

/** Sets a user's own request and upload limits (null: the server's), and audits it. */
export function setUserLimits(
  db: Db,
  change: { id: string } & UserLimits,
  actor: Actor,
  now: number = Date.now(),
): { ok: true } {
  const { tasksPerMinute, maxUploadMb } = change;
  db.transaction((tx) => {
    const user = findUser(tx, change.id);
    tx.update(users).set({ tasksPerMinute, maxUploadMb }).where(eq(users.id, user.id)).run();
    auditLimitChange(tx, {
      actor,
      email: user.email,
      detail: { tasksPerMinute, maxUploadMb },
      at: now,
    });
  });
  return { ok: true };
}
