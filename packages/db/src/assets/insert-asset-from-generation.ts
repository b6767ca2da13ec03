import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { ownedBy } from '../data/owned-by';
import { first, raw, rows, type Unit } from '../data/unit-of-work';
import type { AssetRow, GenerationRow } from '../schema';

export interface AssetFromGenerationRequest {
  generationId: string;
  /** The acting user: only their tasks' images (absent: anyone's); the new row is theirs. */
  owner: string | undefined;
  /** The new asset's id and time. */
  id: string;
  createdAt: number;
}

export interface AssetFromGeneration {
  /** The image, if `owner` holds it. */
  generation: GenerationRow | undefined;
  /** The new asset sharing its file; none for a video, which is no reference image. */
  asset: AssetRow | undefined;
}

/**
 * Makes an image an asset row of its own that shares the image's file. Run it in a
 * transaction: on PostgreSQL the image's row is locked first (FOR SHARE), so its task cannot be
 * deleted, and its file found unused and removed, between the read and the insert; on SQLite
 * the IMMEDIATE transaction already keeps every other writer out.
 */
export function* insertAssetFromGeneration(
  tx: DataSource,
  request: AssetFromGenerationRequest,
): Unit<AssetFromGeneration> {
  const { db, t } = tx;
  const { generations, tasks } = t;
  if (tx.dialect === 'pg') {
    yield* raw(
      sql`select 1 from ${generations} where ${generations.id} = ${request.generationId} for share`,
    );
  }
  const generation = yield* first(
    db
      .select(getTableColumns(generations))
      .from(generations)
      .innerJoin(tasks, eq(tasks.id, generations.taskId))
      .where(and(eq(generations.id, request.generationId), ownedBy(tasks.owner, request.owner))),
  );
  if (!generation || generation.durationMs !== null) return { generation, asset: undefined };
  const { file, mime, width, height, bytes, sha256 } = generation;
  const [asset] = yield* rows(
    db
      .insert(t.assets)
      .values({
        id: request.id,
        file,
        mime,
        width,
        height,
        bytes,
        sha256,
        name: null,
        sourceGenerationId: generation.id,
        owner: request.owner ?? null,
        createdAt: request.createdAt,
      })
      .returning(),
  );
  return { generation, asset };
}
