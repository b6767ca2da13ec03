import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb, createSqliteNoticeBoard, type DbHandle } from '@genhub/db';
import type { NoticeTopic } from './notices';
import { PollingNotices } from './polling-notices';
import { SharedSignal } from './shared-signal';

/** Sends `topic` from `notices` and waits until the board counted it. */
async function sent(notices: PollingNotices, topic: NoticeTopic): Promise<void> {
  notices.send(topic);
  await notices.settled();
}

/** Two processes' views of one database file, each with its own connection. */
describe('PollingNotices', () => {
  let dir: string;
  let handles: DbHandle[];
  let a: PollingNotices;
  let b: PollingNotices;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'genhub-notices-'));
    const file = join(dir, 'genhub.sqlite');
    handles = [createDb(file), createDb(file)];
    [a, b] = (await Promise.all(
      handles.map((h) => PollingNotices.open(createSqliteNoticeBoard(h.db))),
    )) as [PollingNotices, PollingNotices];
  });

  afterEach(async () => {
    await Promise.all(handles.map((h) => h.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('tells the other instance on its next look, once, and not the sender', async () => {
    const heard = { a: 0, b: 0 };
    a.on('queue', () => heard.a++);
    b.on('queue', () => heard.b++);
    await sent(a, 'queue');
    expect(heard).toEqual({ a: 0, b: 0 });
    await b.poll();
    await a.poll();
    expect(heard).toEqual({ a: 0, b: 1 });
    await b.poll();
    expect(heard).toEqual({ a: 0, b: 1 });
  });

  it('keeps topics apart and folds several changes between looks into one notice', async () => {
    const heard: string[] = [];
    b.on('queue', () => heard.push('queue'));
    b.on('provider-keys', () => heard.push('provider-keys'));
    await sent(a, 'provider-keys');
    await sent(a, 'provider-keys');
    await b.poll();
    expect(heard).toEqual(['provider-keys']);
  });

  it("hears another instance's change that its own send folded in", async () => {
    let heardByA = 0;
    a.on('queue', () => heardByA++);
    await sent(b, 'queue');
    await sent(a, 'queue');
    expect(heardByA).toBe(1);
    await a.poll();
    expect(heardByA).toBe(1);
  });

  it('makes a shared signal fire in both instances', async () => {
    const onA = new SharedSignal(a, 'queue');
    const onB = new SharedSignal(b, 'queue');
    const fired = { a: 0, b: 0 };
    onA.subscribe(() => fired.a++);
    onB.subscribe(() => fired.b++);
    onA.emit();
    expect(fired).toEqual({ a: 1, b: 0 });
    await a.settled();
    await b.poll();
    expect(fired).toEqual({ a: 1, b: 1 });
    onB.close();
    onA.emit();
    await a.settled();
    await b.poll();
    expect(fired).toEqual({ a: 2, b: 1 });
  });

  it('reports a board that fails instead of rejecting, and catches up on the next look', async () => {
    const errors: unknown[] = [];
    let failing = false;
    const board = createSqliteNoticeBoard((handles[0] as DbHandle).db);
    const flaky = await PollingNotices.open(
      {
        bump: (topic) => (failing ? Promise.reject(new Error('down')) : board.bump(topic)),
        counts: () => (failing ? Promise.reject(new Error('down')) : board.counts()),
      },
      (error) => errors.push(error),
    );
    failing = true;
    let heard = 0;
    flaky.on('webhooks', () => heard++);
    await sent(flaky, 'webhooks');
    await sent(b, 'webhooks');
    await flaky.poll();
    expect(errors.map((e) => (e as Error).message)).toEqual(['down', 'down']);
    expect(heard).toBe(0);
    failing = false;
    await flaky.poll();
    expect(heard).toBe(1);
  });
});
