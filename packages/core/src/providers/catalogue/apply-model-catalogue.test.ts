import { describe, expect, it } from 'vitest';
import type { ModelCapabilities } from '../../schemas';
import { createLocalAdapter } from '../local/local-adapter';
import { nanoBananaModel } from '../nano-banana-model';
import { ProviderRegistry } from '../registry';
import type { ProviderAdapter } from '../types';
import { applyModelCatalogue } from './apply-model-catalogue';
import type { LifecycleTable } from './model-lifecycle';
import { parseModelsFile } from './models-file';

const dec3 = Date.parse('2026-12-03T09:00:00Z');

/** A vendor whose list still holds a retired id, like an adapter not updated yet. */
function vendor(models: string[] = ['v1', 'v2', 'v3'], defaultModel = 'v1'): ProviderAdapter {
  const builtIn: readonly ModelCapabilities[] = models.map((id) => nanoBananaModel(id, `V ${id}`));
  return {
    ...createLocalAdapter({ delayMs: 0 }),
    id: 'vendor',
    label: 'Vendor',
    local: false,
    defaultModel,
    models: builtIn as ModelCapabilities[],
  };
}

const table: LifecycleTable = {
  vendor: {
    'v1-preview': { status: 'retired', retiresOn: '2026-01-15', replacement: 'v1' },
    v1: { status: 'retired', retiresOn: '2026-10-02', replacement: 'v2' },
    v2: { status: 'deprecated', retiresOn: null, replacement: 'v3' },
    // Not listed and only deprecated: nothing to say.
    'v0-edit': { status: 'deprecated', retiresOn: null, replacement: 'v3' },
  },
};

const file = (json: unknown) => parseModelsFile(JSON.stringify(json), '/etc/genhub/models.json');

const build = (adapters: ProviderAdapter[], models?: unknown, now = () => dec3) =>
  new ProviderRegistry(
    adapters,
    applyModelCatalogue(adapters, {
      lifecycle: table,
      now,
      ...(models === undefined ? {} : { file: file(models) }),
    }),
  );

describe('the model catalogue', () => {
  it('takes retired ids out of the offer, keeps them to name the replacement, and marks the rest', () => {
    const adapter = vendor();
    const registry = build([adapter, createLocalAdapter({ delayMs: 0 })]);
    const [info] = registry.describe();
    expect(info?.models.map((m) => [m.id, m.status, m.retiresOn, m.replacement])).toEqual([
      ['v2', 'deprecated', null, 'v3'],
      ['v3', 'current', null, null],
    ]);
    // The default was retired: its replacement (followed to a current model) takes over.
    expect(info?.defaultModel).toBe('v3');
    expect(registry.catalogue.retirement(adapter, 'v1')).toEqual({
      id: 'v1',
      retiresOn: '2026-10-02',
      replacement: 'v3',
    });
    expect(registry.catalogue.retirement(adapter, 'v1-preview')?.replacement).toBe('v3');
    expect(registry.catalogue.retirement(adapter, 'v2')).toBeNull();
    expect(registry.catalogue.retirement(adapter, 'nothing')).toBeNull();
    // The local provider has no lifecycle facts: all current, default kept.
    expect(registry.describe()[1]).toMatchObject({
      defaultModel: 'local-preview',
      models: [{ id: 'local-preview', status: 'current', retiresOn: null, replacement: null }],
    });
  });

  it('never changes a built-in model list in place', () => {
    const builtIn = [nanoBananaModel('v1', 'V v1'), nanoBananaModel('v3', 'V v3')];
    const adapter = { ...vendor(), models: builtIn };
    build([adapter]);
    expect(builtIn.map((m) => m.id)).toEqual(['v1', 'v3']);
    expect(builtIn[0]).not.toHaveProperty('status');
  });

  it('stops offering a model on its retirement day while the server runs', () => {
    let now = dec3;
    const adapter = vendor(['v2', 'v3'], 'v2');
    const registry = build(
      [adapter],
      { vendor: { models: { v2: { retiresOn: '2026-12-10' } } } },
      () => now,
    );
    expect(registry.describe()[0]?.models.map((m) => m.id)).toEqual(['v2', 'v3']);
    expect(registry.catalogue.retirement(adapter, 'v2')).toBeNull();
    now = Date.parse('2026-12-10T00:00:00Z');
    expect(registry.describe()[0]?.models.map((m) => m.id)).toEqual(['v3']);
    expect(registry.catalogue.retirement(adapter, 'v2')).toEqual({
      id: 'v2',
      retiresOn: '2026-12-10',
      replacement: 'v3',
    });
  });

  it('adds models (whole or like another), overrides fields and changes the default', () => {
    const registry = build([vendor()], {
      vendor: {
        defaultModel: 'v4',
        models: {
          v4: { like: 'v3', label: 'V 4', price: { amount: 2, unit: 'credits' } },
          'v5-fast': {
            label: 'V 5 fast',
            operations: ['generate'],
            aspectRatios: ['1:1', '16:9'],
            outputFormats: ['png', 'jpeg'],
            maxImages: 2,
            maxReferenceImages: 0,
            resolutions: ['1K', '2K'],
            price: null,
          },
          v3: { maxImages: 4, status: 'deprecated', retiresOn: '2027-03-01', replacement: 'v4' },
          // Un-retire: still answering for this account.
          v1: { status: 'current', retiresOn: null, replacement: null },
        },
      },
    });
    const [info] = registry.describe();
    expect(info?.defaultModel).toBe('v4');
    const byId = new Map(info?.models.map((m) => [m.id, m]));
    expect([...byId.keys()]).toEqual(['v1', 'v2', 'v3', 'v4', 'v5-fast']);
    expect(byId.get('v4')).toMatchObject({
      label: 'V 4',
      operations: ['generate', 'edit'],
      price: { amount: 2, unit: 'credits' },
      status: 'current',
      replacement: null,
    });
    expect(byId.get('v5-fast')).toMatchObject({ maxImages: 2, resolutions: ['1K', '2K'] });
    expect(byId.get('v3')).toMatchObject({
      maxImages: 4,
      label: 'V v3',
      status: 'deprecated',
      retiresOn: '2027-03-01',
      replacement: 'v4',
    });
    // v2's chain now runs v3 (deprecated) -> v4 (current).
    expect(byId.get('v2')?.replacement).toBe('v4');
    expect(byId.get('v1')).toMatchObject({ status: 'current', retiresOn: null });
  });

  it('refuses a models file that does not fit, naming the file and the entry', () => {
    const attempt = (models: unknown) => () => build([vendor()], models);
    const where = '/etc/genhub/models.json: ';
    expect(attempt({ nobody: { models: {} } })).toThrow(
      `${where}nobody: no such provider; there are vendor`,
    );
    expect(attempt({ vendor: { models: { v9: { like: 'v8' } } } })).toThrow(
      `${where}vendor.models.v9: like "v8", which this provider does not offer`,
    );
    expect(attempt({ vendor: { models: { v3: { like: 'v2' } } } })).toThrow(
      /vendor\.models\.v3: "like" is for new models/,
    );
    expect(attempt({ vendor: { models: { v9: { label: 'Nine', maxImages: 2 } } } })).toThrow(
      /vendor\.models\.v9: a new model needs "like" or all of its capabilities; operations: .*/,
    );
    expect(attempt({ vendor: { models: { v3: { replacement: 'v1' } } } })).toThrow(
      `${where}vendor.models.v3.replacement: "v1" leads to no model Vendor offers`,
    );
    expect(attempt({ vendor: { defaultModel: 'v1' } })).toThrow(
      `${where}vendor.defaultModel: "v1" is not a model Vendor offers`,
    );
  });
});

describe('reading a models file', () => {
  it('parses a good file', () => {
    const parsed = file({
      gemini: {
        defaultModel: 'gemini-3-pro-image',
        models: {
          'gemini-3.1-flash-image': { retiresOn: '2026-10-29' },
          'gemini-nano-banana-2.2': { like: 'gemini-nano-banana-2.1' },
        },
      },
      kie: { models: { 'nano-banana-pro': { price: { amount: 18, unit: 'credits' } } } },
    });
    expect(parsed.source).toBe('/etc/genhub/models.json');
    expect(parsed.providers.gemini?.models['gemini-3.1-flash-image']).toEqual({
      retiresOn: '2026-10-29',
    });
    expect(parsed.providers.kie?.defaultModel).toBeUndefined();
  });

  it('names the file and every bad entry', () => {
    expect(() => parseModelsFile('{"gemini": ', '/x/models.json')).toThrow(
      /^\/x\/models\.json: not valid JSON/,
    );
    expect(() =>
      file({
        gemini: {
          models: {
            'gemini-3-pro-image': { retiresOn: '29 Oct 2026', status: 'gone', maxImages: '2' },
            'gemini-x': { retiresAt: '2026-10-29' },
          },
        },
        fal: { defaultModel: '' },
      }),
    ).toThrow(
      new RegExp(
        [
          '^/etc/genhub/models\\.json: ',
          'gemini\\.models\\["gemini-3-pro-image"\\]\\.maxImages: .*; ',
          'gemini\\.models\\["gemini-3-pro-image"\\]\\.status: .*; ',
          'gemini\\.models\\["gemini-3-pro-image"\\]\\.retiresOn: .*; ',
          'gemini\\.models\\["gemini-x"\\]: Unrecognized key: "retiresAt"; ',
          'fal\\.defaultModel: ',
        ].join(''),
      ),
    );
  });
});
