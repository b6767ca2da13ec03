import type { ProviderInfo } from '../schemas';
import type { ProviderAdapter } from './types';
import { ModelCatalogue } from './catalogue/model-catalogue';

export class ProviderRegistry {
  private readonly adapters = new Map<string, ProviderAdapter>();

  constructor(
    adapters: ProviderAdapter[],
    /** Retired ids and the clock for retirement dates (`applyModelCatalogue` builds it). */
    readonly catalogue: ModelCatalogue = new ModelCatalogue(),
  ) {
    for (const adapter of adapters) this.adapters.set(adapter.id, adapter);
  }

  get(id: string): ProviderAdapter | undefined {
    return this.adapters.get(id);
  }

  ids(): string[] {
    return [...this.adapters.keys()];
  }

  all(): ProviderAdapter[] {
    return [...this.adapters.values()];
  }

  /**
   * Puts these adapters in place of the ones with their ids (a key changed while the server
   * runs): calls from now on use them; a call under way finishes with the one it holds.
   */
  replace(adapters: readonly ProviderAdapter[]): void {
    for (const adapter of adapters) this.adapters.set(adapter.id, adapter);
  }

  /** What clients may know: capabilities and whether it is configured, never keys. */
  describe(): ProviderInfo[] {
    const now = this.catalogue.now();
    return this.all().map((a) => ({
      id: a.id,
      label: a.label,
      local: a.local,
      configured: a.configured,
      hint: a.hint,
      defaultModel: a.defaultModel,
      // A model whose retirement day came while the server runs is offered no more.
      models: a.models.filter((m) => this.catalogue.offers(m, now)),
    }));
  }
}
