import { selectAssetRows, type DataSource, type Unit } from '@genhub/db';
import { operationRules, type AspectRatio, type Operation } from '../schemas';
import type { ProviderRegistry } from '../providers/registry';

/** The ratio of `ratios` closest to width:height, by the log of their proportions. */
export function nearestSupportedRatio(
  ratios: readonly AspectRatio[],
  width: number,
  height: number,
): AspectRatio | undefined {
  const target = Math.log(width / height);
  let best: AspectRatio | undefined;
  let bestDistance = Infinity;
  for (const ratio of ratios) {
    const [w = 0, h = 0] = ratio.split(':').map(Number);
    if (!(w > 0 && h > 0)) continue;
    const distance = Math.abs(Math.log(w / h) - target);
    if (distance < bestDistance) {
      best = ratio;
      bestDistance = distance;
    }
  }
  return best;
}

/** What placing `auto` reads: a request when accepted, or a task's row when it falls back. */
interface ShapedRequest {
  aspectRatio: string;
  operation: Operation;
  provider: string;
  model?: string | null;
  assetIds?: readonly string[] | null;
}

/**
 * `auto` (the first image's shape) for a model that cannot take it: the model's own ratio
 * nearest that image's stored width and height. Anything else, or a request this cannot place
 * (unknown model or image), is returned as it is for `validateCapabilities` to judge.
 */
export function* resolveAutoAspectRatio<T extends ShapedRequest>(
  data: DataSource,
  providers: ProviderRegistry,
  input: T,
  /** The image must be this user's own (any user's when absent). */
  owner?: string,
): Unit<T> {
  if (input.aspectRatio !== 'auto' || operationRules[input.operation].shapedByInput) return input;
  const provider = providers.get(input.provider);
  const model = provider?.models.find((m) => m.id === (input.model ?? provider.defaultModel));
  const first = input.assetIds?.[0];
  if (!model || model.aspectRatios.includes('auto') || first === undefined) return input;
  const [image] = yield* selectAssetRows(data, [first], owner);
  if (!image) return input;
  const nearest = nearestSupportedRatio(model.aspectRatios, image.width, image.height);
  return nearest ? { ...input, aspectRatio: nearest } : input;
}
