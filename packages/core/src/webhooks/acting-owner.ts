import type { CoreContext } from '../context';

/** The user a request acts for; endpoints always belong to one. */
export function actingOwner(ctx: Pick<CoreContext, 'owner'>): string {
  if (ctx.owner === undefined)
    throw new Error('webhook endpoints belong to a user: none is acting');
  return ctx.owner;
}
