import { updateUserRow, type DataSource } from '@genhub/db';
import type { Actor } from '../auth/create-user';
import { auditLimitChange } from './audit-limit-change';
import { findUser } from './find-user';
import type { UserLimits } from './user-limits';

/** Sets a user's own request and upload limits (null: the server's), and audits it. */
export async function setUserLimits(
  data: DataSource,
  change: { id: string } & UserLimits,
  actor: Actor,
  now: number = Date.now(),
): Promise<{ ok: true }> {
  const { tasksPerMinute, maxUploadMb } = change;
  await data.transact(function* (tx) {
    const user = yield* findUser(tx, change.id);
    yield* updateUserRow(tx, user.id, { tasksPerMinute, maxUploadMb });
    yield* auditLimitChange(tx, {
      actor,
      email: user.email,
      detail: { tasksPerMinute, maxUploadMb },
      at: now,
    });
  });
  return { ok: true };
}
