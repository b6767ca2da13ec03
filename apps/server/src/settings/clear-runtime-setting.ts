import { deleteRuntimeSettingRow, type DataSource } from '@genhub/db';
import { auditSettingChange } from './audit-setting-change';
import type { SettingsActor } from './provider-key-types';

/** Deletes a stored setting and audits it; clearing one that is not stored changes nothing. */
export async function clearRuntimeSetting(
  data: DataSource,
  change: { name: string; actor: SettingsActor; at: number },
): Promise<void> {
  const { name, actor, at } = change;
  await data.transact(function* (tx) {
    if (!(yield* deleteRuntimeSettingRow(tx, name))) return;
    yield* auditSettingChange(tx, { name, actor, at, action: 'clear' });
  });
}
