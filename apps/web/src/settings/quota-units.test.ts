import { describe, expect, it } from 'vitest';
import { quotaUnits } from './quota-units';

describe('quotaUnits', () => {
  it("lists each model's unit once, and units already in use, but not the free one", () => {
    const providers = [
      { models: [{ price: { unit: 'free' } }] },
      { models: [{ price: { unit: 'credits' } }, { price: null }, { price: { unit: 'credits' } }] },
      { models: [{ price: { unit: 'USD' } }] },
    ];
    expect(quotaUnits(providers, ['tokens'])).toEqual(['USD', 'credits', 'tokens']);
  });
});
