import { putRuntimeSettingRow, type DataSource } from '@genhub/db';
import { auditSettingChange } from './audit-setting-change';
import { encryptSetting } from './encrypt-setting';
import { lastFour } from './last-four';
import type { StoredSetting } from './load-runtime-settings';
import type { SettingsActor } from './provider-key-types';

/** Stores a setting encrypted (replacing what was there) and audits it, without its value. */
export async function saveRuntimeSetting(
  data: DataSource,
  key: Buffer,
  change: { name: string; value: string; actor: SettingsActor; at: number },
): Promise<StoredSetting> {
  const { name, value, actor, at } = change;
  const row = {
    name,
    encrypted: encryptSetting(key, name, value),
    last4: lastFour(value),
    updatedBy: actor.actorId,
    updatedAt: at,
  };
  await data.transact(function* (tx) {
    yield* putRuntimeSettingRow(tx, row);
    yield* auditSettingChange(tx, { name, actor, at, action: 'set' });
  });
  return { value, last4: row.last4, updatedAt: at };
}
