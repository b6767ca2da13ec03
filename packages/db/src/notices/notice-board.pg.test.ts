import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgTestDatabase } from '../../test/pg-test-database';
import { createPgDb, type PgDbHandle } from '../pg/create-pg-db';
import { listenForNotices } from './listen-for-notices';
import { noticeBoardSuite } from './notice-board-suite';
import { createPgNoticeBoard, instanceNoticesChannel } from './pg-notice-board';

const database = pgTestDatabase();

noticeBoardSuite('PostgreSQL', async () => {
  const handles = [await createPgDb(database.url), await createPgDb(database.url)] as const;
  return {
    boards: [createPgNoticeBoard(handles[0].pool), createPgNoticeBoard(handles[1].pool)],
    close: async () => {
      await Promise.all(handles.map((handle) => handle.close()));
    },
  };
});

/** Waits for `check` to hold, re-asking on every turn of the event loop (no fixed sleeps). */
async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('the notice board on PostgreSQL, with listeners', () => {
  let handle: PgDbHandle;
  beforeAll(async () => {
    handle = await createPgDb(database.url);
  });
  afterAll(() => handle.close());

  it('tells instances listening on its channel once a bump commits', async () => {
    const notices: string[] = [];
    const listener = listenForNotices({
      connectionString: database.url,
      channels: [instanceNoticesChannel],
      onNotice: (channel) => notices.push(channel),
    });
    try {
      await listener.ready;
      notices.length = 0;
      const board = createPgNoticeBoard(handle.pool);
      const count = await board.bump('callbacks');
      await until(() => notices.length > 0, 'a notice');
      expect(notices).toEqual([instanceNoticesChannel]);
      expect((await board.counts()).get('callbacks')).toBe(count);
    } finally {
      await listener.close();
    }
  });
});
