import type { CoreContext } from '@genhub/core';
import type { Scope } from '@genhub/api';
import type { Viewer } from './viewer';

/**
 * The core a signed-in caller acts through: their own rows only. Admin calls (the admin
 * scope, asked for explicitly by an admin procedure or route) see every user's.
 */
export function coreForViewer(core: CoreContext, viewer: Viewer, scope: Scope): CoreContext {
  return scope === 'admin' ? core : { ...core, owner: viewer.user.id };
}
