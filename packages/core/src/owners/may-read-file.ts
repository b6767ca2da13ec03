import { and, eq, or } from 'drizzle-orm';
import { assets, generations, tasks } from '@genhub/db';
import type { CoreContext } from '../context';

/**
 * Whether the acting user holds a stored file: an image or thumbnail of one of their tasks,
 * or one of their uploads. Files are content-addressed and shared between users, so this
 * asks about the user's own rows, never about who else has the same bytes.
 */
export function mayReadFile(ctx: Pick<CoreContext, 'db' | 'owner'>, key: string): boolean {
  const { owner } = ctx;
  if (owner === undefined) return true;
  const generation = ctx.db
    .select({ id: generations.id })
    .from(generations)
    .innerJoin(tasks, eq(tasks.id, generations.taskId))
    .where(
      and(or(eq(generations.file, key), eq(generations.thumbFile, key)), eq(tasks.owner, owner)),
    )
    .limit(1)
    .get();
  if (generation) return true;
  const asset = ctx.db
    .select({ id: assets.id })
    .from(assets)
    .where(and(eq(assets.file, key), eq(assets.owner, owner)))
    .limit(1)
    .get();
  return asset !== undefined;
}
