import { runtimeSettings, type Db } from '@genhub/db';
import { auditSettingChange } from './audit-setting-change';
import { encryptSetting } from './encrypt-setting';
import { lastFour } from './last-four';
import type { StoredSetting } from './load-runtime-settings';
import type { SettingsActor } from './provider-key-types';

/** Stores a setting encrypted (replacing what was there) and audits it, without its value. */
export function saveRuntimeSetting(
  db: Db,
  key: Buffer,
  change: { name: string; value: string; actor: SettingsActor; at: number },
): StoredSetting {
  const { name, value, actor, at } = change;
  const stored = {
    encrypted: encryptSetting(key, name, value),
    last4: lastFour(value),
    updatedBy: actor.actorId,
    updatedAt: at,
  };
  db.transaction((tx) => {
    tx.insert(runtimeSettings)
      .values({ name, ...stored })
      .onConflictDoUpdate({ target: runtimeSettings.name, set: stored })
      .run();
    auditSettingChange(tx, { name, actor, at, action: 'set' });
  });
  return { value, last4: stored.last4, updatedAt: at };
}
