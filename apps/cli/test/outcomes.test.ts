import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTestServer, statusOf, type TestServer } from '../../server/test/test-server';
import { jsonLines, printed, runCli, startCli } from './cli-harness';

const taskLine = z.object({
  type: z.literal('task'),
  task: z.object({
    id: z.string(),
    status: z.string(),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
  }),
});
const startedLine = z.object({ type: z.literal('event'), task: z.object({ id: z.string() }) });

const envOf = (server: TestServer) => ({
  GENHUB_URL: server.url,
  GENHUB_API_KEY: server.key ?? '',
});

describe('a task that fails', () => {
  let failing: TestServer;
  beforeAll(async () => {
    failing = await startTestServer({ LOCAL_PROVIDER_FAILURE_RATE: '1' });
  });
  afterAll(() => failing.close());

  it('exits 1, says why on stderr, and still prints the failed task when piped', async () => {
    const run = await runCli(['gen', 'doomed', '--max-attempts', '1'], { env: envOf(failing) });
    expect(run.code).toBe(1);
    const last = taskLine.parse(jsonLines(run.stdout).at(-1));
    expect(last.task.status).toBe('failed');
    expect(last.task.error?.code).toBe('provider_unavailable');
    expect(run.stderr).toContain(`Task ${last.task.id} failed: Simulated outage`);
    expect(run.stderr).toContain('(provider_unavailable)');

    // watch --task on a task that already ended: its state, then the same verdict.
    const watched = await runCli(['watch', '--task', last.task.id], { env: envOf(failing) });
    expect(watched.code).toBe(1);
    expect(taskLine.parse(jsonLines(watched.stdout)[0]).task.status).toBe('failed');
  });
});

describe('Ctrl-C while waiting', () => {
  let slow: TestServer;
  beforeAll(async () => {
    slow = await startTestServer({ LOCAL_PROVIDER_DELAY_MS: '60000' });
  });
  afterAll(() => slow.close());

  /** Starts `gen`, waits for the task to be running, then sends SIGINT as Ctrl-C does. */
  async function interrupt(extra: string[]) {
    const cli = startCli(['gen', 'a slow one', '--no-download', ...extra], { env: envOf(slow) });
    await printed(cli, '"started"');
    const id = startedLine.parse(jsonLines(cli.stdout)[0]).task.id;
    cli.child.kill('SIGINT');
    return { id, run: await cli.done };
  }

  it('exits 130, prints the task id, and leaves the task running', async () => {
    const { id, run } = await interrupt([]);
    expect(run.code).toBe(130);
    expect(run.stderr).toContain(`task ${id} keeps running`);
    expect(jsonLines(run.stdout).at(-1)).toEqual({
      type: 'interrupted',
      taskId: id,
      canceled: false,
    });
    expect(await statusOf(slow, id)).toBe('processing');
    await runCli(['cancel', id], { env: envOf(slow) });
  });

  it('with --cancel-on-interrupt cancels the task', async () => {
    const { id, run } = await interrupt(['--cancel-on-interrupt']);
    expect(run.code).toBe(130);
    expect(run.stderr).toContain(`canceled task ${id}`);
    expect(await statusOf(slow, id)).toBe('canceled');
  });
});
