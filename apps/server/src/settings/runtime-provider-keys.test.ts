import {
  auditEvents,
  createTestDb,
  runtimeSettings,
  sqliteDataSource,
  type DbHandle,
} from '@genhub/db';
import { isCoreError, redacted, silentLogger, type Logger } from '@genhub/core';
import { afterEach, describe, expect, it } from 'vitest';
import { loadEnv } from '../env';
import { createProviders } from '../providers';
import { cannotDecrypt } from './describe-provider-key';
import { RuntimeProviderKeys } from './runtime-provider-keys';

const signing = Buffer.alloc(32, 3);
const admin = { actorId: 'admin-1', ip: '127.0.0.1' };
const orKey = 'sk-or-v1-runtime-0123456789';

describe('RuntimeProviderKeys', () => {
  let handle: DbHandle;
  afterEach(() => handle.close());

  /** A server's worth of provider keys on `handle`'s database, with its registry built. */
  async function start(vars: Record<string, string> = {}, log: Logger = silentLogger) {
    const env = loadEnv({ DATA_DIR: '/nonexistent-genhub', ...vars });
    const keys = await RuntimeProviderKeys.load(sqliteDataSource(handle.db), env, signing);
    const registry = keys.buildProviders((view) => createProviders(view, signing, () => 1000), {
      log,
      now: () => 5000,
    });
    return { keys, registry };
  }

  it('configures the provider in the same registry at once, and only that provider', async () => {
    handle = createTestDb();
    const { keys, registry } = await start();
    const kie = registry.get('kie');
    expect(registry.get('openrouter')?.configured).toBe(false);

    const row = await keys.set('OPENROUTER_API_KEY', orKey, admin);
    expect(row).toEqual({
      name: 'OPENROUTER_API_KEY',
      provider: 'openrouter',
      label: 'OpenRouter API key',
      source: 'settings',
      last4: '6789',
      updatedAt: 5000,
      error: null,
    });
    expect(registry.get('openrouter')?.configured).toBe(true);
    expect(registry.get('kie')).toBe(kie);
    expect(registry.ids()).toEqual(createProviders(loadEnv({}), signing, () => 0).ids());

    expect(await keys.clear('OPENROUTER_API_KEY', admin)).toMatchObject({
      source: null,
      last4: null,
    });
    expect(registry.get('openrouter')?.configured).toBe(false);
  });

  it('scrubs a key from the moment it is set, and still after it is cleared', async () => {
    handle = createTestDb();
    const { keys } = await start();
    expect(keys.scrubSecrets(`Bearer ${orKey}`)).toBe(`Bearer ${orKey}`);
    await keys.set('OPENROUTER_API_KEY', orKey, admin);
    expect(keys.scrubSecrets(`Bearer ${orKey}`)).toBe(`Bearer ${redacted}`);
    await keys.clear('OPENROUTER_API_KEY', admin);
    expect(keys.scrubSecrets(`echo ${encodeURIComponent(orKey)}`)).toBe(`echo ${redacted}`);
  });

  it('stores only ciphertext and the last four, and audits the name without the value', async () => {
    handle = createTestDb();
    const { keys } = await start();
    await keys.set('FAL_KEY', 'fal-key-id:fal-key-secret', admin);
    await keys.clear('FAL_KEY', admin);
    await keys.clear('FAL_KEY', admin);
    await keys.set('GEMINI_API_KEY', 'AIzaSyRuntimeGemini', admin);
    const rows = handle.db.select().from(runtimeSettings).all();
    expect(rows.map(({ encrypted: _sealed, ...row }) => row)).toEqual([
      { name: 'GEMINI_API_KEY', last4: 'mini', updatedBy: 'admin-1', updatedAt: 5000 },
    ]);
    expect(JSON.stringify(rows)).not.toContain('AIzaSyRuntimeGemini');
    const audit = handle.db.select().from(auditEvents).all();
    // The second clear found nothing to clear: no event.
    expect(audit.map((e) => [e.kind, e.subject, e.detail, e.actorId, e.ip])).toEqual([
      ['settings-changed', 'FAL_KEY', { name: 'FAL_KEY', action: 'set' }, 'admin-1', '127.0.0.1'],
      ['settings-changed', 'FAL_KEY', { name: 'FAL_KEY', action: 'clear' }, 'admin-1', '127.0.0.1'],
      [
        'settings-changed',
        'GEMINI_API_KEY',
        { name: 'GEMINI_API_KEY', action: 'set' },
        'admin-1',
        '127.0.0.1',
      ],
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/fal-key-secret|AIzaSyRuntimeGemini/);
  });

  it('lets an environment variable win, and says so', async () => {
    handle = createTestDb();
    const { keys } = await start({ GEMINI_API_KEY: 'AIzaFromTheEnvironment' });
    expect(await keys.set('GEMINI_API_KEY', 'AIzaFromTheSettingsPage', admin)).toMatchObject({
      source: 'env',
      last4: 'ment',
      updatedAt: null,
    });
    expect(keys.effectiveEnv().GEMINI_API_KEY).toBe('AIzaFromTheEnvironment');
    // The stored one is a secret all the same.
    expect(keys.scrubSecrets('AIzaFromTheSettingsPage')).toBe(redacted);
  });

  it('reports a value another SECRET_KEY sealed, uses none of it, and keeps going', async () => {
    handle = createTestDb();
    const first = await start({ SECRET_KEY: 'the-first-secret-key-0123456789' });
    await first.keys.set('KIE_API_KEY', 'kie-runtime-key-0123456789', admin);

    const warnings: unknown[] = [];
    const log: Logger = { ...silentLogger, warn: (obj, msg) => void warnings.push([obj, msg]) };
    const second = await start({ SECRET_KEY: 'another-secret-key-9876543210' }, log);
    const row = second.keys.list().find((r) => r.name === 'KIE_API_KEY');
    expect(row).toEqual({
      name: 'KIE_API_KEY',
      provider: 'kie',
      label: 'KIE.ai API key',
      source: 'settings',
      last4: '6789',
      updatedAt: 5000,
      error: cannotDecrypt,
    });
    expect(second.registry.get('kie')?.configured).toBe(false);
    expect(second.keys.effectiveEnv().KIE_API_KEY).toBeUndefined();
    expect(warnings).toEqual([[{ name: 'KIE_API_KEY' }, `stored KIE_API_KEY: ${cannotDecrypt}`]]);

    // Setting it again seals it with the key in force.
    await second.keys.set('KIE_API_KEY', 'kie-runtime-key-again-0000', admin);
    expect(second.registry.get('kie')?.configured).toBe(true);
    expect(
      (await start({ SECRET_KEY: 'another-secret-key-9876543210' })).registry.get('kie')
        ?.configured,
    ).toBe(true);
  });

  it('refuses a name that is not a provider key', async () => {
    handle = createTestDb();
    const { keys } = await start();
    let error: unknown;
    try {
      await keys.set('PUBLIC_BASE_URL', 'https://evil.example', admin);
    } catch (e) {
      error = e;
    }
    expect(isCoreError(error) && error.code).toBe('INVALID_INPUT');
    expect(handle.db.select().from(runtimeSettings).all()).toEqual([]);
  });
});
