import { listRuntimeSettingRows, type DataSource } from '@genhub/db';
import { decryptSetting } from './decrypt-setting';

export interface StoredSetting {
  /** Null when it does not decrypt with the current key: it is then not used. */
  value: string | null;
  last4: string;
  updatedAt: number;
}

/** Every stored runtime setting by name, decrypted with `key`. */
export async function loadRuntimeSettings(
  data: DataSource,
  key: Buffer,
): Promise<Map<string, StoredSetting>> {
  const settings = new Map<string, StoredSetting>();
  for (const row of await listRuntimeSettingRows(data)) {
    settings.set(row.name, {
      value: decryptSetting(key, row.name, row.encrypted),
      last4: row.last4,
      updatedAt: row.updatedAt,
    });
  }
  return settings;
}
