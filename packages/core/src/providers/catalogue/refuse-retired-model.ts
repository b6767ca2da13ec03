import { CoreError } from '../../errors';
import type { ProviderRegistry } from '../registry';
import type { ProviderAdapter } from '../types';

/**
 * Throws an `INVALID_INPUT` error on `field` naming the replacement when `modelId` is retired
 * on `provider`, e.g. "gemini-2.5-flash-image was retired on 2026-10-02: use gemini-nano-banana-2.1".
 */
export function refuseRetiredModel(
  providers: ProviderRegistry,
  provider: ProviderAdapter,
  modelId: string,
  field: string,
): void {
  const { catalogue } = providers;
  const retired = catalogue.retirement(provider, modelId);
  if (!retired) return;
  const when = retired.retiresOn ? ` on ${retired.retiresOn}` : '';
  if (retired.replacement) {
    throw new CoreError(
      'INVALID_INPUT',
      `${modelId} was retired${when}: use ${retired.replacement}`,
      field,
    );
  }
  const now = catalogue.now();
  const offered = provider.models.filter((m) => catalogue.offers(m, now)).map((m) => m.id);
  throw new CoreError(
    'INVALID_INPUT',
    `${modelId} was retired${when}; ${provider.label} offers ${offered.join(', ') || 'no other model'}`,
    field,
  );
}
