import { and, eq, or } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';

/**
 * Whether `owner` holds a stored file: an image or thumbnail of one of their tasks, or one of
 * their uploads. Files are content-addressed and shared between users, so this asks about the
 * user's own rows, never about who else has the same bytes. With no owner (the server's own
 * work, admins) every key may be read, known or not.
 */
export async function holdsFile(
  { db, t }: DataSource,
  key: string,
  owner: string | undefined,
): Promise<boolean> {
  if (owner === undefined) return true;
  const { generations, tasks, assets } = t;
  const [generation] = await db
    .select({ id: generations.id })
    .from(generations)
    .innerJoin(tasks, eq(tasks.id, generations.taskId))
    .where(
      and(or(eq(generations.file, key), eq(generations.thumbFile, key)), eq(tasks.owner, owner)),
    )
    .limit(1);
  if (generation) return true;
  const [asset] = await db
    .select({ id: assets.id })
    .from(assets)
    .where(and(eq(assets.file, key), eq(assets.owner, owner)))
    .limit(1);
  return asset !== undefined;
}
