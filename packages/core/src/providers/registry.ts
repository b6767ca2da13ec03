import type { ProviderInfo } from '../schemas';
import type { ProviderAdapter } from './types';

export class ProviderRegistry {
  private readonly adapters = new Map<string, ProviderAdapter>();

  constructor(adapters: ProviderAdapter[]) {
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

  /** What clients may know: capabilities and whether it is configured, never keys. */
  describe(): ProviderInfo[] {
    return this.all().map((a) => ({
      id: a.id,
      label: a.label,
      local: a.local,
      configured: a.configured,
      hint: a.hint,
      defaultModel: a.defaultModel,
      models: a.models,
    }));
  }
}
