import { describe, expect, it } from 'vitest';
import type { OpenDataSource } from '../../test/data-source-under-test';
import { expectNumbers } from '../../test/expect-numbers';
import { t0 } from '../../test/task-row';
import { useDataSource } from '../../test/use-data-source';
import { deleteRuntimeSettingRow } from './delete-runtime-setting-row';
import { listRuntimeSettingRows } from './list-runtime-setting-rows';
import { putRuntimeSettingRow } from './put-runtime-setting-row';

const setting = (name: string, sealed: string, ms: number, updatedBy: string | null = 'ada') => ({
  name,
  encrypted: sealed,
  last4: sealed.slice(-4),
  updatedBy,
  updatedAt: t0 + ms,
});

/** What every dialect's runtime settings store must do. */
export function settingsRepositorySuite(dialect: string, open: OpenDataSource): void {
  describe(`runtime settings (${dialect})`, () => {
    const data = useDataSource(open);
    const put = (row: ReturnType<typeof setting>) =>
      data().transact((tx) => putRuntimeSettingRow(tx, row));
    const remove = (name: string) => data().transact((tx) => deleteRuntimeSettingRow(tx, name));

    it('stores nothing at first', async () => {
      expect(await listRuntimeSettingRows(data())).toEqual([]);
      expect(await remove('KIE_API_KEY')).toBe(false);
    });

    it('stores sealed values by name (by byte), replacing what was there', async () => {
      await put(setting('kie_lower', 'sealed-a-1111', 1));
      await put(setting('KIE_API_KEY', 'sealed-b-2222', 2, null));
      await put(setting('FAL_KEY', 'sealed-c-3333', 3));
      await put(setting('KIE_API_KEY', 'sealed-d-4444', 4));
      const stored = await listRuntimeSettingRows(data());
      expect(stored).toEqual([
        setting('FAL_KEY', 'sealed-c-3333', 3),
        setting('KIE_API_KEY', 'sealed-d-4444', 4),
        setting('kie_lower', 'sealed-a-1111', 1),
      ]);
      expectNumbers(stored, 'updatedAt');
    });

    it('deletes one setting by name, once', async () => {
      expect(await remove('KIE_API_KEY')).toBe(true);
      expect(await remove('KIE_API_KEY')).toBe(false);
      expect((await listRuntimeSettingRows(data())).map((row) => row.name)).toEqual([
        'FAL_KEY',
        'kie_lower',
      ]);
    });
  });
}
