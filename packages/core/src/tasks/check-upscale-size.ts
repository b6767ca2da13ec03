import { selectAssetRows, type DataSource, type Unit } from '@genhub/db';
import { CoreError } from '../errors';
import type { Operation, OperationOptions } from '../schemas';

/**
 * Refuses, when the task is created, an upscale whose result would have more pixels than
 * the cap: any provider's result over it would be refused on arrival, after it was paid for.
 */
export function* checkUpscaleSize(
  data: DataSource,
  operation: Operation,
  options: OperationOptions,
  assetIds: readonly string[],
  maxPixels: number,
): Unit<void> {
  const id = assetIds[0];
  if (operation !== 'enhance' || options.enhancement !== 'upscale' || !id) return;
  const factor = options.upscaleFactor ?? 2;
  const [source] = yield* selectAssetRows(data, [id], undefined);
  if (!source) return;
  const [width, height] = [source.width * factor, source.height * factor];
  if (width * height > maxPixels) {
    throw new CoreError(
      'INVALID_INPUT',
      `A ${source.width}×${source.height} image upscaled ×${factor} would be ${width}×${height}, ` +
        `more than the ${maxPixels} pixels allowed (MAX_IMAGE_PIXELS); choose a smaller factor or image`,
      'options.upscaleFactor',
    );
  }
}
