import { basename } from 'node:path';
import {
  findReferenceImage,
  insertAssetRow,
  type DataSource,
  type ReferenceImageRow,
  type Unit,
} from '@genhub/db';
import { acceptedImageMimes, maxUploadBytes, type VariationPlan } from '../schemas';
import { uploadFileName } from '../assets/upload-file-name';

export type { ReferenceImageRow } from '@genhub/db';

/** Seed 004: a reference must be at least this many pixels a side. */
export const minReferenceSide = 512;

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
  data: DataSource,
  name: string,
  owner?: string,
): Promise<ReferenceImageRow | undefined> {
  return findReferenceImage(data, {
    name,
    fileName: uploadFileName(name) ?? basename(name),
    owner,
  });
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
export async function resolveReferences(
  data: DataSource,
  plan: VariationPlan,
  owner?: string,
): Promise<ResolvedReferences> {
  const cache = new Map<string, ReferenceImageRow | undefined>();
  for (const batch of plan.batches) {
    for (const item of batch.tasks) {
      const name = item.reference_image;
      if (!cache.has(name)) cache.set(name, await findReference(data, name, owner));
    }
  }
  const byItem = new Map<string, ReferenceImageRow>();
  const problems: ResolvedReferences['problems'] = [];
  plan.batches.forEach((batch, b) =>
    batch.tasks.forEach((item, t) => {
      const name = item.reference_image;
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
export function* ensureAssets(
  tx: DataSource,
  rows: Iterable<ReferenceImageRow>,
  newId: () => string,
  now: number,
  owner: string | null,
): Unit<void> {
  const made = new Map<string, string>();
  for (const row of rows) {
    if (row.assetId || !row.generationId) continue;
    const existing = made.get(row.generationId);
    if (existing) {
      row.assetId = existing;
      continue;
    }
    const id = newId();
    yield* insertAssetRow(tx, {
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
    });
    made.set(row.generationId, id);
    row.assetId = id;
  }
}
