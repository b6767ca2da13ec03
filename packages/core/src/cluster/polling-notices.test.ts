import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb, createSqliteNoticeBoard, type DbHandle } from '@genhub/db';
import { PollingNotices } from './polling-notices';
import { SharedSignal } from './shared-signal';

/** Two processes' views of one database file, each with its own connection. */
describe('PollingNotices', () => {
  let dir: string;
  let handles: DbHandle[];
  let a: PollingNotices;
  let b: PollingNotices;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'genhub-notices-'));
    const file = join(dir, 'genhub.sqlite');
    handles = [createDb(file), createDb(file)];
    [a, b] = handles.map((h) => new PollingNotices(createSqliteNoticeBoard(h.db))) as [
      PollingNotices,
      PollingNotices,
    ];
  });

  afterEach(async () => {
    await Promise.all(handles.map((h) => h.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('tells the other instance on its next look, once, and not the sender', () => {
    const heard = { a: 0, b: 0 };
    a.on('queue', () => heard.a++);
    b.on('queue', () => heard.b++);
    a.send('queue');
    expect(heard).toEqual({ a: 0, b: 0 });
    b.poll();
    a.poll();
    expect(heard).toEqual({ a: 0, b: 1 });
    b.poll();
    expect(heard).toEqual({ a: 0, b: 1 });
  });

  it('keeps topics apart and folds several changes between looks into one notice', () => {
    const heard: string[] = [];
    b.on('queue', () => heard.push('queue'));
    b.on('provider-keys', () => heard.push('provider-keys'));
    a.send('provider-keys');
    a.send('provider-keys');
    b.poll();
    expect(heard).toEqual(['provider-keys']);
  });

  it("hears another instance's change that its own send folded in", () => {
    let heardByA = 0;
    a.on('queue', () => heardByA++);
    b.send('queue');
    a.send('queue');
    expect(heardByA).toBe(1);
    a.poll();
    expect(heardByA).toBe(1);
  });

  it('makes a shared signal fire in both instances', () => {
    const onA = new SharedSignal(a, 'queue');
    const onB = new SharedSignal(b, 'queue');
    const fired = { a: 0, b: 0 };
    onA.subscribe(() => fired.a++);
    onB.subscribe(() => fired.b++);
    onA.emit();
    expect(fired).toEqual({ a: 1, b: 0 });
    b.poll();
    expect(fired).toEqual({ a: 1, b: 1 });
    onB.close();
    onA.emit();
    b.poll();
    expect(fired).toEqual({ a: 2, b: 1 });
  });
});
