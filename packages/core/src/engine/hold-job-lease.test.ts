import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb } from '@genhub/db';
import { createTaskInput } from '../schemas';
import { cancelTask } from '../tasks/cancel-task';
import { createTask } from '../tasks/create-task';
import { readTaskRow } from '@genhub/db';
import { createTestContext, fakeClock, type FakeClock, type TestContext } from '../testing';
import { holdJobLease } from './hold-job-lease';
import { releaseJobLease } from './release-job-lease';
import { RetentionSweeper } from './retention';

const hour = 3_600_000;

/** Two instances on one database file and one clock. */
describe('job leases', () => {
  let dir: string;
  let clock: FakeClock;
  let a: TestContext;
  let b: TestContext;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'genhub-job-lease-'));
    clock = fakeClock();
    const file = join(dir, 'genhub.sqlite');
    a = await createTestContext({ db: createDb(file), clock });
    b = await createTestContext({ db: createDb(file), clock });
  });

  afterEach(async () => {
    await Promise.all([a.close(), b.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  const lease = (holder: string) => ({ name: 'retention', holder, ms: 60_000 });

  it('goes to one holder at a time, who renews it, and passes on once it runs out', async () => {
    expect(await holdJobLease(a.ctx, lease('A'))).toBe(true);
    expect(await holdJobLease(b.ctx, lease('B'))).toBe(false);
    clock.advance(59_000);
    // Renewed: another minute from now.
    expect(await holdJobLease(a.ctx, lease('A'))).toBe(true);
    clock.advance(59_000);
    expect(await holdJobLease(b.ctx, lease('B'))).toBe(false);
    clock.advance(1_000);
    expect(await holdJobLease(b.ctx, lease('B'))).toBe(true);
    expect(await holdJobLease(a.ctx, lease('A'))).toBe(false);
    // Other jobs have leases of their own.
    expect(await holdJobLease(a.ctx, { ...lease('A'), name: 'trash' })).toBe(true);
  });

  it('passes on at once when its holder gives it up', async () => {
    expect(await holdJobLease(a.ctx, lease('A'))).toBe(true);
    expect(await releaseJobLease(b.ctx, lease('B'))).toBe(false);
    expect(await holdJobLease(b.ctx, lease('B'))).toBe(false);
    expect(await releaseJobLease(a.ctx, lease('A'))).toBe(true);
    expect(await holdJobLease(b.ctx, lease('B'))).toBe(true);
  });

  it('lets only one of two sweepers sharing the database sweep', async () => {
    const task = await createTask(a.ctx, createTaskInput.parse({ prompt: 'expired' }));
    await cancelTask(a.ctx, task.id);
    clock.advance(25 * hour);
    const policy = { retentionDays: null, failedRetentionHours: 24 };
    const sweeperOfA = new RetentionSweeper(a.ctx, policy, hour, 'A');
    const sweeperOfB = new RetentionSweeper(b.ctx, policy, hour, 'B');

    expect(await Promise.all([sweeperOfA.sweepNow(), sweeperOfB.sweepNow()])).toEqual([1, null]);
    expect(await readTaskRow(a.ctx.data, task.id, undefined)).toBeUndefined();

    // A stops sweeping (two intervals without renewing): B takes the job over.
    clock.advance(2 * hour);
    expect(await sweeperOfB.sweepNow()).toBe(0);
    expect(await sweeperOfA.sweepNow()).toBeNull();
  });
});
