import type { CoreContext } from '../context';

/** Whether the acting user may see a row owned by `owner` (the server and admins see all). */
export const ownsRow = (ctx: Pick<CoreContext, 'owner'>, owner: string | null): boolean =>
  ctx.owner === undefined || owner === ctx.owner;
