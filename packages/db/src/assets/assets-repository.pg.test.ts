import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { pgTestDataSource } from '../../test/pg-test-data-source';
import { t0, taskRow } from '../../test/task-row';
import { createPgDb } from '../pg/create-pg-db';
import { pgDataSource } from '../pg/pg-data-source';
import { rows } from '../data/unit-of-work';
import { assetsRepositorySuite } from './assets-repository-suite';
import { insertAssetFromGeneration } from './insert-asset-from-generation';

const pg = pgTestDataSource();

assetsRepositorySuite('PostgreSQL', pg.open);

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 3_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('an image made a reference image while its task is deleted (PostgreSQL)', () => {
  it('holds the delete back until the asset row is written, so its file stays in use', async () => {
    const handle = await createPgDb(pg.database.url);
    let open = () => {};
    try {
      const data = pgDataSource(handle.db);
      const { db, t } = data;
      await db.insert(t.tasks).values(taskRow('lock-task'));
      await db.insert(t.generations).values({
        id: 'lock-gen',
        taskId: 'lock-task',
        index: 0,
        file: 'lock.png',
        thumbFile: 'lock.webp',
        width: 8,
        height: 8,
        mime: 'image/png',
        bytes: 100,
        sha256: 'f'.repeat(64),
        createdAt: t0,
      });
      let reached!: () => void;
      const atGate = new Promise<void>((resolve) => (reached = resolve));
      const opened = new Promise<unknown[]>((resolve) => (open = () => resolve([])));
      // A last step that waits: the transaction stays open, its lock held, until `open()`.
      const gate: PromiseLike<unknown[]> = {
        then: (onDone, onFailed) => {
          reached();
          return opened.then(onDone, onFailed);
        },
      };
      const order: string[] = [];
      const making = data
        .transact(function* (tx) {
          const made = yield* insertAssetFromGeneration(tx, {
            generationId: 'lock-gen',
            owner: 'ann',
            id: 'lock-asset',
            createdAt: t0,
          });
          yield* rows(gate);
          return made;
        })
        .then((made) => {
          order.push('made');
          return made;
        });
      await atGate;
      const deleting = db
        .delete(t.tasks)
        .where(eq(t.tasks.id, 'lock-task'))
        .then(() => order.push('deleted'));
      await until(async () => {
        const waiting = await handle.pool.query<{ n: number }>(
          `select count(*)::int as n from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock'`,
        );
        return (waiting.rows[0]?.n ?? 0) > 0;
      }, 'the delete to wait for the lock');
      // Neither has finished: the delete waits on the image's row the open transaction holds.
      expect(order).toEqual([]);
      open();
      expect((await making).asset?.id).toBe('lock-asset');
      await deleting;
      expect(order.sort()).toEqual(['deleted', 'made']);
      const assets = await db.select().from(t.assets).where(eq(t.assets.id, 'lock-asset'));
      expect(assets.map((a) => [a.file, a.sourceGenerationId])).toEqual([['lock.png', 'lock-gen']]);
    } finally {
      open();
      await handle.close();
    }
  });
});
