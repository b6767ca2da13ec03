import { describe, expect, it } from 'vitest';
import { createOpenRouterAdapter } from './openrouter/openrouter-adapter';
import { createLocalAdapter } from './local/local-adapter';
import { ProviderRegistry } from './registry';

describe('ProviderRegistry.replace', () => {
  const local = () => createLocalAdapter({ delayMs: 0, failureRate: 0, maxPixels: 50_000_000 });
  const openrouter = (apiKey?: string) =>
    createOpenRouterAdapter({ apiKey, baseUrl: 'http://127.0.0.1:1/api/v1', appTitle: 'genhub' });

  it('puts an adapter in place of the one with its id, keeping the others and the order', () => {
    const kept = local();
    const registry = new ProviderRegistry([kept, openrouter()]);
    expect(registry.describe().map((p) => [p.id, p.configured])).toEqual([
      ['local', true],
      ['openrouter', false],
    ]);
    const keyed = openrouter('sk-or-new');
    registry.replace([keyed]);
    expect(registry.get('openrouter')).toBe(keyed);
    expect(registry.get('local')).toBe(kept);
    expect(registry.describe().map((p) => [p.id, p.configured])).toEqual([
      ['local', true],
      ['openrouter', true],
    ]);
  });
});
