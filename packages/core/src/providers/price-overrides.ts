import { operations, type Operation } from '../schemas';
import type { ProviderAdapter } from './types';

export interface PriceOverride {
  provider: string;
  model: string;
  /** Absent: the model's base price. */
  operation?: Operation;
  amount: number;
  /** Absent: keep the model's unit. */
  unit?: string;
}

/**
 * Reads `provider/model[:operation]=amount [unit]` entries separated by `;` or new lines,
 * e.g. `kie/nano-banana-pro=18 credits; nanobanana/nano-banana:enhance=3`. Throws a message
 * naming the entry at fault.
 */
export function parsePriceOverrides(text: string): PriceOverride[] {
  return text
    .split(/[;\n]/)
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const match = /^([^/\s=]+)\/([^=]+?)(?::([a-z-]+))?\s*=\s*(\d+(?:\.\d+)?)(?:\s+(.+))?$/.exec(
        entry,
      );
      const [, provider, model, op, amount, unit] = match ?? [];
      if (!provider || !model || !amount) {
        throw new Error(`"${entry}" is not provider/model[:operation]=amount [unit]`);
      }
      if (op !== undefined && !(operations as readonly string[]).includes(op)) {
        throw new Error(`"${entry}": unknown operation "${op}"`);
      }
      return {
        provider,
        model: model.trim(),
        ...(op ? { operation: op as Operation } : {}),
        amount: Number(amount),
        ...(unit ? { unit: unit.trim() } : {}),
      };
    });
}

/** Replaces list prices from configuration; an unknown provider or model is an error. */
export function applyPriceOverrides(adapters: ProviderAdapter[], overrides: PriceOverride[]): void {
  for (const o of overrides) {
    const adapter = adapters.find((a) => a.id === o.provider);
    const model = adapter?.models.find((m) => m.id === o.model);
    if (!adapter || !model) throw new Error(`No model "${o.model}" on provider "${o.provider}"`);
    const base = model.price ?? { amount: o.amount, unit: o.unit ?? 'credits' };
    const price = o.operation
      ? {
          ...base,
          unit: o.unit ?? base.unit,
          byOperation: { ...base.byOperation, [o.operation]: o.amount },
        }
      : { ...base, amount: o.amount, unit: o.unit ?? base.unit };
    // A new array of new objects: the built-in model lists are shared constants.
    adapter.models = adapter.models.map((m) => (m === model ? { ...m, price } : m));
  }
}
