import { eq } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import { rows, type Unit } from '../data/unit-of-work';

/** Deletes a stored runtime setting; false when none was stored under that name. */
export function* deleteRuntimeSettingRow({ db, t }: DataSource, name: string): Unit<boolean> {
  const { runtimeSettings } = t;
  const deleted = yield* rows(
    db
      .delete(runtimeSettings)
      .where(eq(runtimeSettings.name, name))
      .returning({ name: runtimeSettings.name }),
  );
  return deleted.length > 0;
}
