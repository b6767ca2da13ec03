import { asc } from 'drizzle-orm';
import { textOrder } from '../accounts/text-order';
import type { DataSource } from '../data/data-source';
import type { RuntimeSettingRow } from '../schema';

/** Every stored runtime setting, by name; values as stored (sealed: the server opens them). */
export async function listRuntimeSettingRows({
  dialect,
  db,
  t,
}: DataSource): Promise<RuntimeSettingRow[]> {
  const { runtimeSettings } = t;
  return db
    .select()
    .from(runtimeSettings)
    .orderBy(asc(textOrder(dialect, runtimeSettings.name)));
}
