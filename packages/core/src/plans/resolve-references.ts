import { basename } from 'node:path';
import { desc, eq } from 'drizzle-orm';
import { assets, generations, type DbExecutor } from '@genhub/db';
import { acceptedImageMimes, maxUploadBytes, type VariationPlan } from '../schemas';

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

function find(db: DbExecutor, name: string): ReferenceImageRow | undefined {
  const asset =
    db.select().from(assets).where(eq(assets.id, name)).get() ??
    db
      .select()
      .from(assets)
      .where(eq(assets.name, basename(name)))
      .orderBy(desc(assets.createdAt))
      .get();
  if (asset) return { ...asset, assetId: asset.id, generationId: null };
  const generation = db.select().from(generations).where(eq(generations.id, name)).get();
  if (generation) return { ...generation, assetId: null, generationId: generation.id };
  return undefined;
}

/**
 * Finds every plan item's reference image (an asset id, a generation id, or the file name of
 * an upload) and checks it the way seed 004 does: it exists, is at most 10 MB, is PNG, JPEG or
 * WebP, and is at least 512×512. Every problem is reported at its JSON path.
 */
export function resolveReferences(db: DbExecutor, plan: VariationPlan): ResolvedReferences {
  const byItem = new Map<string, ReferenceImageRow>();
  const problems: ResolvedReferences['problems'] = [];
  const cache = new Map<string, ReferenceImageRow | undefined>();
  plan.batches.forEach((batch, b) =>
    batch.tasks.forEach((item, t) => {
      const path = `batches.${b}.tasks.${t}.reference_image`;
      const name = item.reference_image;
      if (!cache.has(name)) cache.set(name, find(db, name));
      const found = cache.get(name);
      const problem = (message: string) => problems.push({ path, message });
      if (!found) {
        problem(`"${name}" is not an uploaded image, an upload's file name or a generation id`);
      } else if (found.bytes > maxUploadBytes) {
        problem(`"${name}" is larger than ${maxUploadBytes / 1024 / 1024} MB`);
      } else if (!(acceptedImageMimes as readonly string[]).includes(found.mime)) {
        problem(`"${name}" is ${found.mime}; use PNG, JPEG or WebP`);
      } else if (found.width < minReferenceSide || found.height < minReferenceSide) {
        problem(
          `"${name}" is ${found.width}×${found.height}; a reference must be at least ${minReferenceSide}×${minReferenceSide}`,
        );
      } else {
        byItem.set(`batches.${b}.tasks.${t}`, found);
      }
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
        createdAt: now,
      })
      .run();
    made.set(row.generationId, id);
    row.assetId = id;
  }
}
