import { eq } from 'drizzle-orm';
import { runtimeSettings, type Db } from '@genhub/db';
import { auditSettingChange } from './audit-setting-change';
import type { SettingsActor } from './provider-key-types';

/** Deletes a stored setting and audits it; clearing one that is not stored changes nothing. */
export function clearRuntimeSetting(
  db: Db,
  change: { name: string; actor: SettingsActor; at: number },
): void {
  const { name, actor, at } = change;
  db.transaction((tx) => {
    const deleted = tx.delete(runtimeSettings).where(eq(runtimeSettings.name, name)).run();
    if (deleted.changes === 0) return;
    auditSettingChange(tx, { name, actor, at, action: 'clear' });
  });
}
