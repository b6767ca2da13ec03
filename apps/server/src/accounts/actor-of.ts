import type { Actor } from '../auth/create-user';
import type { Viewer } from '../auth/viewer';

/** Who the audit log names for a signed-in caller's change. */
export const actorOf = (ctx: {
  viewer: Viewer;
  ip: string | null;
}): Actor & { actorId: string } => ({
  actorId: ctx.viewer.user.id,
  ip: ctx.ip,
});
