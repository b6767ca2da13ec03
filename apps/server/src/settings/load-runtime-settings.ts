import { runtimeSettings, type DbExecutor } from '@genhub/db';
import { decryptSetting } from './decrypt-setting';

export interface StoredSetting {
  /** Null when it does not decrypt with the current key: it is then not used. */
  value: string | null;
  last4: string;
  updatedAt: number;
}

/** Every stored runtime setting by name, decrypted with `key`. */
export function loadRuntimeSettings(db: DbExecutor, key: Buffer): Map<string, StoredSetting> {
  const settings = new Map<string, StoredSetting>();
  for (const row of db.select().from(runtimeSettings).all()) {
    settings.set(row.name, {
      value: decryptSetting(key, row.name, row.encrypted),
      last4: row.last4,
      updatedAt: row.updatedAt,
    });
  }
  return settings;
}
