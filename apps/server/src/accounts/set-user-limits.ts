import { users, type Db } from '@genhub/db';
import { eq } from 'drizzle-orm';
import type { Actor } from '../auth/create-user';
import { recordAudit } from '../auth/record-audit';
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
    recordAudit(
      tx,
      {
        kind: 'quota-changed',
        actorId: actor.actorId,
        subject: user.email,
        ip: actor.ip,
        detail: { tasksPerMinute, maxUploadMb },
      },
      now,
    );
  });
  return { ok: true };
}
