import { holdsFile } from '@genhub/db';
import type { CoreContext } from '../context';

/**
 * Whether the acting user holds a stored file: an image or thumbnail of one of their tasks,
 * or one of their uploads (with no acting user: any file). Files are content-addressed and
 * shared between users, so this asks about the user's own rows, never about who else has the
 * same bytes.
 */
export function mayReadFile(
  ctx: Pick<CoreContext, 'data' | 'owner'>,
  key: string,
): Promise<boolean> {
  return holdsFile(ctx.data, key, ctx.owner);
}
