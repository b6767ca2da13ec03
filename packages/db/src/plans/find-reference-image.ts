import { and, desc, eq } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { ownedBy } from '../data/owned-by';
import { first, type Unit } from '../data/unit-of-work';

/** An image a plan edits: an upload (`assetId`), or a generation that has no asset yet. */
export interface ReferenceImageRow {
  /** An asset's id, or null for a generation that needs an asset made for it. */
  assetId: string | null;
  generationId: string | null;
  file: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  sha256: string;
}

export interface ReferenceLookup {
  /** An upload's id, a generation's id, or an upload's file name. */
  name: string;
  /** `name` as an upload's stored file name. */
  fileName: string;
  /** The acting user: only their uploads and their tasks' images (absent: anyone's). */
  owner: string | undefined;
}

function* selectReferenceImage(
  { db, t }: DataSource,
  { name, fileName, owner }: ReferenceLookup,
): Unit<ReferenceImageRow | undefined> {
  const { assets, generations, tasks } = t;
  const image = {
    file: assets.file,
    mime: assets.mime,
    width: assets.width,
    height: assets.height,
    bytes: assets.bytes,
    sha256: assets.sha256,
  };
  const asset =
    (yield* first(
      db
        .select({ id: assets.id, ...image })
        .from(assets)
        .where(and(eq(assets.id, name), ownedBy(assets.owner, owner)))
        .limit(1),
    )) ??
    (yield* first(
      db
        .select({ id: assets.id, ...image })
        .from(assets)
        .where(and(eq(assets.name, fileName), ownedBy(assets.owner, owner)))
        .orderBy(desc(assets.createdAt))
        .limit(1),
    ));
  if (asset) {
    const { id, ...rest } = asset;
    return { ...rest, assetId: id, generationId: null };
  }
  const generation = yield* first(
    db
      .select({
        id: generations.id,
        file: generations.file,
        mime: generations.mime,
        width: generations.width,
        height: generations.height,
        bytes: generations.bytes,
        sha256: generations.sha256,
      })
      .from(generations)
      .innerJoin(tasks, eq(tasks.id, generations.taskId))
      .where(and(eq(generations.id, name), ownedBy(tasks.owner, owner)))
      .limit(1),
  );
  if (!generation) return undefined;
  const { id, ...rest } = generation;
  return { ...rest, assetId: null, generationId: id };
}

/**
 * The image a plan names: the upload with this id, else the newest upload with this file name,
 * else the generation with this id; the acting user's own.
 */
export function findReferenceImage(
  data: DataSource,
  lookup: ReferenceLookup,
): Promise<ReferenceImageRow | undefined> {
  return data.run((source) => selectReferenceImage(source, lookup));
}
