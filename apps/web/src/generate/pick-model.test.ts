import { describe, expect, it } from 'vitest';
import type { ModelCapabilities, ProviderInfo } from '@genhub/core/schemas';
import { pickModel } from './pick-model';

const model = (id: string, operations: ModelCapabilities['operations']): ModelCapabilities => ({
  id,
  label: id,
  operations,
  aspectRatios: ['1:1'],
  outputFormats: ['png'],
  maxImages: 1,
  maxReferenceImages: 1,
  resolutions: [],
  price: null,
});
const provider: ProviderInfo = {
  id: 'p',
  label: 'P',
  local: false,
  configured: true,
  hint: null,
  defaultModel: 'b',
  models: [
    model('a', ['generate', 'edit']),
    model('b', ['generate']),
    model('v', ['text-to-video']),
  ],
};

describe('pickModel', () => {
  it('offers only the models that can do the mode', () => {
    expect(pickModel(provider, 'generate', null).models.map((m) => m.id)).toEqual(['a', 'b']);
    expect(pickModel(provider, 'text-to-video', null).models.map((m) => m.id)).toEqual(['v']);
  });

  it('uses the chosen model, else the default, else the first that can', () => {
    expect(pickModel(provider, 'generate', 'a').model?.id).toBe('a');
    expect(pickModel(provider, 'generate', null).model?.id).toBe('b');
    expect(pickModel(provider, 'edit', 'b').model?.id).toBe('a');
  });

  it('lets a batch edit run on any model that edits', () => {
    expect(pickModel(provider, 'batch-edit', null).model?.id).toBe('a');
  });

  it('has nothing before the providers are listed', () => {
    expect(pickModel(undefined, 'generate', null)).toEqual({ models: [], model: undefined });
  });
});
