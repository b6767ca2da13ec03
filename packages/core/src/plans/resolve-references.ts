import { basename } from 'node:path';
import { and, desc, eq, getTableColumns } from 'drizzle-orm';
import { assets, generations, tasks, type DbExecutor } from '@genhub/db';
import { acceptedImageMimes, maxUploadBytes, type VariationPlan } from '../schemas';
import { uploadFileName } from '../assets/upload-file-name';

/** Seed 004: a reference must be at least this many pixels a side. */
export const minReferenceSide = 512;

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

export interface ResolvedReferences {
  /** By `batches.B.tasks.T`. */
  byItem: Map<string, ReferenceImageRow>;
  problems: { path: string; message: string }[];
}

/**
 * An upload by id, a generation by id, or the newest upload with this file name: `owner`'s
 * own (anyone's when absent).
 */
export function findReference(
  db: DbExecutor,
  name: string,
  owner?: string,
): ReferenceImageRow | undefined {
  const ownAsset = owner === undefined ? undefined : eq(assets.owner, owner);
  const asset =
    db
      .select()
      .from(assets)
      .where(and(eq(assets.id, name), ownAsset))
      .get() ??
    db
      .select()
      .from(assets)
      .where(and(eq(assets.name, uploadFileName(name) ?? basename(name)), ownAsset))
      .orderBy(desc(assets.createdAt))
      .get();
  if (asset) return { ...asset, assetId: asset.id, generationId: null };
  const generation = db
    .select(getTableColumns(generations))
    .from(generations)
    .innerJoin(tasks, eq(tasks.id, generations.taskId))
    .where(and(eq(generations.id, name), owner === undefined ? undefined : eq(tasks.owner, owner)))
    .get();
  if (generation) return { ...generation, assetId: null, generationId: generation.id };
  return undefined;
}

/** What is wrong with a reference image, or null when it is fit to edit. */
export function referenceProblem(
  found: ReferenceImageRow | undefined,
  name: string,
  minSide: number,
): string | null {
  if (!found) return `"${name}" is not an uploaded image, an upload's file name or a generation id`;
  if (found.bytes > maxUploadBytes)
    return `"${name}" is larger than ${maxUploadBytes / 1024 / 1024} MB`;
  if (!(acceptedImageMimes as readonly string[]).includes(found.mime))
    return `"${name}" is ${found.mime}; use PNG, JPEG or WebP`;
  if (found.width < minSide || found.height < minSide)
    return `"${name}" is ${found.width}×${found.height}; a reference must be at least ${minSide}×${minSide}`;
  return null;
}

/**
 * Finds every plan item's reference image and checks it the way seed 004 does: it exists, is
 * at most 10 MB, is PNG, JPEG or WebP, and is at least 512×512. Every problem is reported at
 * its JSON path.
 */
export function resolveReferences(
  db: DbExecutor,
  plan: VariationPlan,
  owner?: string,
): ResolvedReferences {
  const byItem = new Map<string, ReferenceImageRow>();
  const problems: ResolvedReferences['problems'] = [];
  const cache = new Map<string, ReferenceImageRow | undefined>();
  plan.batches.forEach((batch, b) =>
    batch.tasks.forEach((item, t) => {
      const name = item.reference_image;
      if (!cache.has(name)) cache.set(name, findReference(db, name, owner));
      const found = cache.get(name);
      const problem = referenceProblem(found, name, minReferenceSide);
      if (problem)
        problems.push({ path: `batches.${b}.tasks.${t}.reference_image`, message: problem });
      else if (found) byItem.set(`batches.${b}.tasks.${t}`, found);
    }),
  );
  return { byItem, problems };
}

/** Asset rows for references that are generations, sharing the generation's stored file. */
export function ensureAssets(
  db: DbExecutor,
  rows: Iterable<ReferenceImageRow>,
  newId: () => string,
  now: number,
  owner: string | null,
): void {
  const made = new Map<string, string>();
  for (const row of rows) {
    if (row.assetId || !row.generationId) continue;
    const existing = made.get(row.generationId);
    if (existing) {
      row.assetId = existing;
      continue;
    }
    const id = newId();
    db.insert(assets)
      .values({
        id,
        file: row.file,
        mime: row.mime,
        width: row.width,
        height: row.height,
        bytes: row.bytes,
        sha256: row.sha256,
        name: null,
        sourceGenerationId: row.generationId,
        owner,
        createdAt: now,
      })
      .run();
    made.set(row.generationId, id);
    row.assetId = id;
  }
}
