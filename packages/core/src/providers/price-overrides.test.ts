import { describe, expect, it } from 'vitest';
import { createLocalAdapter } from './local/local-adapter';
import { createNanobananaAdapter, nanobananaModels } from './nanobanana/nanobanana-adapter';
import { applyPriceOverrides, parsePriceOverrides } from './price-overrides';

describe('price overrides', () => {
  it('reads entries with model ids that contain slashes, operations and units', () => {
    expect(
      parsePriceOverrides(
        'kie/google/nano-banana=4 credits; nanobanana/nano-banana:enhance=3\nfal/fal-ai/nano-banana = 0.039 USD',
      ),
    ).toEqual([
      { provider: 'kie', model: 'google/nano-banana', amount: 4, unit: 'credits' },
      { provider: 'nanobanana', model: 'nano-banana', operation: 'enhance', amount: 3 },
      { provider: 'fal', model: 'fal-ai/nano-banana', amount: 0.039, unit: 'USD' },
    ]);
    expect(() => parsePriceOverrides('kie=4')).toThrow(/"kie=4" is not provider\/model/);
    expect(() => parsePriceOverrides('a/b:paint=4')).toThrow(/unknown operation "paint"/);
  });

  it('replaces a price without touching the shared built-in model list', () => {
    const adapter = createNanobananaAdapter({
      apiKey: 'k',
      baseUrl: 'http://x',
      download: () => Promise.reject(new Error('no')),
    });
    const local = createLocalAdapter({ delayMs: 0 });
    applyPriceOverrides(
      [adapter, local],
      parsePriceOverrides('nanobanana/nano-banana:enhance=3; local/local-preview=1 credits'),
    );
    expect(adapter.models[0]?.price?.byOperation?.enhance).toBe(3);
    expect(adapter.models[0]?.price?.byOperation?.edit).toBe(5);
    expect(nanobananaModels[0]?.price?.byOperation?.enhance).toBe(4);
    expect(local.models[0]?.price).toEqual({ amount: 1, unit: 'credits' });
    expect(() => applyPriceOverrides([adapter], parsePriceOverrides('nanobanana/nope=1'))).toThrow(
      /No model "nope"/,
    );
  });
});
