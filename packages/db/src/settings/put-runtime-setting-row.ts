import type { DataSource } from '../data/data-source';
import { exec, type Unit } from '../data/unit-of-work';
import type { RuntimeSettingRow } from '../schema';

/** Stores a runtime setting's sealed value, replacing what was stored under its name. */
export function* putRuntimeSettingRow({ db, t }: DataSource, row: RuntimeSettingRow): Unit<void> {
  const { runtimeSettings } = t;
  const { name: _name, ...stored } = row;
  yield* exec(
    db
      .insert(runtimeSettings)
      .values(row)
      .onConflictDoUpdate({ target: runtimeSettings.name, set: stored }),
  );
}
