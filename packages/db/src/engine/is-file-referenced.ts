import { eq } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';

/**
 * Whether a committed row still points at the stored file with these bytes: a generation's
 * image or an uploaded asset. A file neither references may be deleted (unless work in
 * progress holds it, which the caller checks).
 */
export async function isFileReferenced({ db, t }: DataSource, sha256: string): Promise<boolean> {
  const { generations, assets } = t;
  const [generation] = await db
    .select({ id: generations.id })
    .from(generations)
    .where(eq(generations.sha256, sha256))
    .limit(1);
  if (generation) return true;
  const [asset] = await db
    .select({ id: assets.id })
    .from(assets)
    .where(eq(assets.sha256, sha256))
    .limit(1);
  return asset !== undefined;
}
