import { selectAssetRows, type DataSource, type Unit } from '@genhub/db';

/**
 * The generation a new task continues: the one its first input image was made from
 * (`asset.fromGeneration`), or null for an upload or a task without images. The image must be
 * `owner`'s (the acting user; anyone's when absent).
 */
export function* parentGenerationOf(
  data: DataSource,
  owner: string | undefined,
  assetIds: readonly string[],
): Unit<string | null> {
  const first = assetIds[0];
  if (first === undefined) return null;
  const [row] = yield* selectAssetRows(data, [first], owner);
  return row?.sourceGenerationId ?? null;
}
