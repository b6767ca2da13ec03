import { describe, expect, it } from 'vitest';
import { createTestDb } from './create-db';
import { pingDatabase } from './ping-database';

describe('pingDatabase', () => {
  it('resolves on an open database and rejects on a closed one', async () => {
    const handle = createTestDb();
    await expect(pingDatabase(handle.db)).resolves.toBeUndefined();
    await handle.close();
    await expect(pingDatabase(handle.db)).rejects.toThrow(/not open/);
  });
});
