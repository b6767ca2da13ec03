import { rmSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { createTaskInput } from '../schemas';
import { createTask } from '../tasks/create-task';
import { getTask } from '../tasks/get-task';
import { createTestContext, until, type TestContext } from '../testing';
import { createAsset } from './create-asset';

let t: TestContext;
afterEach(() => t.close());

describe('a reference whose file is gone', () => {
  it('fails the task as reference_missing, at once and with what to do', async () => {
    t = await createTestContext({ clock: 'system' });
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#09c' } })
      .png()
      .toBuffer();
    const asset = await createAsset(t.ctx, png);
    const task = await createTask(
      t.ctx,
      createTaskInput.parse({
        operation: 'edit',
        prompt: 'make it red',
        assetIds: [asset.id],
        maxAttempts: 3,
      }),
    );
    // The asset row stays; its bytes are deleted from storage behind the app's back.
    rmSync(join(t.filesDir, asset.url.replace('/files/', '')));
    t.scheduler.start();
    await until(
      async () => (await getTask(t.ctx, task.id)).status === 'failed',
      10_000,
      'the task to fail',
    );
    const failed = await getTask(t.ctx, task.id);
    expect(failed.error).toEqual({
      code: 'reference_missing',
      message: `Reference image ${asset.id} is no longer stored; upload it again`,
      retryable: false,
      attempt: 1,
    });
    expect(failed.attempts).toBe(1);
  });
});
