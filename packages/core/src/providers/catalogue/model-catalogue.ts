import type { ModelCapabilities } from '../../schemas';
import { modelLifecycleNotice } from './model-lifecycle-notice';

export interface RetiredModel {
  id: string;
  retiresOn: string | null;
  /** An offered model to use instead, when there is one. */
  replacement: string | null;
}

/**
 * What the registry knows besides the offered models: the ids that were retired (by provider,
 * then model id) and the clock their dates are read against.
 */
export class ModelCatalogue {
  constructor(
    private readonly retired: ReadonlyMap<string, ReadonlyMap<string, RetiredModel>> = new Map(),
    // A registry built without a catalogue reads dates against the system clock.
    readonly now: () => number = () => Date.now(),
  ) {}

  /** Whether an offered model still takes new work: its retirement day has not come. */
  offers(model: ModelCapabilities, now: number = this.now()): boolean {
    return modelLifecycleNotice(model, now)?.kind !== 'retired';
  }

  /** Why `modelId` takes no new work on this provider, or null when it is not retired. */
  retirement(
    provider: { id: string; models: readonly ModelCapabilities[] },
    modelId: string,
  ): RetiredModel | null {
    const offered = provider.models.find((m) => m.id === modelId);
    if (!offered) return this.retired.get(provider.id)?.get(modelId) ?? null;
    const notice = modelLifecycleNotice(offered, this.now());
    return notice?.kind === 'retired'
      ? { id: modelId, retiresOn: notice.retiresOn, replacement: notice.replacement }
      : null;
  }
}
