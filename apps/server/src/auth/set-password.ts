import type { DataSource, UserRow } from '@genhub/db';
import type { Auth } from './create-auth';
import type { Actor } from './create-user';
import { recordAudit } from './record-audit';

/** Sets a user's password and signs them out everywhere (a reset after a leak must end old sessions). */
export async function setPassword(
  auth: Auth,
  data: DataSource,
  input: { user: Pick<UserRow, 'id' | 'email'>; password: string },
  actor: Actor,
): Promise<void> {
  const { user } = input;
  const context = await auth.$context;
  const hash = await context.password.hash(input.password);
  const credential = await context.internalAdapter.findCredentialAccount(user.id);
  if (credential) await context.internalAdapter.updatePassword(user.id, hash);
  else {
    await context.internalAdapter.linkAccount({
      userId: user.id,
      providerId: 'credential',
      accountId: user.id,
      password: hash,
    });
  }
  await context.internalAdapter.deleteUserSessions(user.id);
  await data.run((d) =>
    recordAudit(d, {
      kind: 'password-reset',
      actorId: actor.actorId,
      subject: user.email,
      ip: actor.ip,
    }),
  );
}
