import { describe, expect, it } from 'vitest';
import { EnvError, loadEnv } from '../env';
import { deriveSettingsKey } from './derive-settings-key';

describe('deriveSettingsKey', () => {
  const dataDirSecret = Buffer.alloc(32, 7);

  it('derives 32 bytes from SECRET_KEY when set, else from the data dir secret', () => {
    const fromSecretKey = deriveSettingsKey('a-long-random-secret-key-value', dataDirSecret);
    const fromDataDir = deriveSettingsKey(undefined, dataDirSecret);
    expect(fromSecretKey).toHaveLength(32);
    expect(fromDataDir).toHaveLength(32);
    expect(fromSecretKey.equals(fromDataDir)).toBe(false);
    // Its own key: not the secret that signs cookies and URLs.
    expect(fromDataDir.equals(dataDirSecret)).toBe(false);
  });

  it('is the same key for the same secret, and another for another', () => {
    expect(deriveSettingsKey('one-secret-key-0123', dataDirSecret)).toEqual(
      deriveSettingsKey('one-secret-key-0123', Buffer.alloc(32, 9)),
    );
    expect(deriveSettingsKey('one-secret-key-0123', dataDirSecret)).not.toEqual(
      deriveSettingsKey('two-secret-key-0123', dataDirSecret),
    );
    expect(deriveSettingsKey(undefined, Buffer.alloc(32, 9))).not.toEqual(
      deriveSettingsKey(undefined, dataDirSecret),
    );
  });

  it('takes a SECRET_KEY of 16 characters or more, and names it when it is shorter', () => {
    expect(loadEnv({ SECRET_KEY: 'x'.repeat(16) }).SECRET_KEY).toBe('x'.repeat(16));
    expect(() => loadEnv({ SECRET_KEY: 'too-short' })).toThrow(EnvError);
    expect(() => loadEnv({ SECRET_KEY: 'too-short' })).toThrow(/SECRET_KEY: use at least 16/);
  });
});
