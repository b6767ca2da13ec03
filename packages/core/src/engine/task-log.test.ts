import { afterEach, describe, expect, it } from 'vitest';
import type { Logger } from '../log';
import { createLocalAdapter } from '../providers/local/local-adapter';
import { createTaskInput } from '../schemas';
import { createTask } from '../tasks/create-task';
import { getTask } from '../tasks/get-task';
import { createTestContext, until, type TestContext } from '../testing';
import { taskLog } from './task-log';

type Line = { level: string; obj: object; msg?: string | undefined };

/** A logger that keeps its lines; with `child`, it is pino-like and binds by itself. */
function recordingLog(lines: Line[], bindings: object = {}, withChild = true): Logger {
  const at =
    (level: string) =>
    (obj: object, msg?: string): void =>
      void lines.push({ level, obj: { ...bindings, ...obj }, msg });
  const log: Logger = {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
  };
  if (!withChild) return log;
  return Object.assign(log, {
    child: (more: object) => recordingLog(lines, { ...bindings, ...more }, true),
  });
}

const task = { id: 't1', provider: 'kie', attempts: 2 };

describe('taskLog', () => {
  it.each([
    ['a logger that makes children', true],
    ['a logger that cannot', false],
  ])('names the task, provider and attempt on every line, with %s', (_what, withChild) => {
    const lines: Line[] = [];
    const log = taskLog({ log: recordingLog(lines, {}, withChild) }, task);
    log.warn({ jobId: 'j' }, 'w');
    log.error({ code: 'x' });
    expect(lines).toEqual([
      { level: 'warn', obj: { taskId: 't1', provider: 'kie', attempt: 2, jobId: 'j' }, msg: 'w' },
      { level: 'error', obj: { taskId: 't1', provider: 'kie', attempt: 2, code: 'x' } },
    ]);
  });
});

describe('the scheduler’s log', () => {
  let t: TestContext;
  afterEach(() => t?.close());

  it('names the task, provider and attempt when an attempt fails unexpectedly', async () => {
    const local = createLocalAdapter({ delayMs: 0 });
    t = await createTestContext({
      adapters: [
        {
          ...local,
          generate: () => Promise.reject(new Error('boom')),
        },
      ],
    });
    const lines: Line[] = [];
    t.ctx.log = recordingLog(lines);
    t.scheduler.start();
    const created = await createTask(
      t.ctx,
      createTaskInput.parse({ prompt: 'p', provider: 'local', maxAttempts: 1 }),
    );
    await until(
      async () => (await getTask(t.ctx, created.id)).status === 'failed',
      10_000,
      'the failure',
    );
    expect(lines).toContainEqual({
      level: 'error',
      obj: expect.objectContaining({ taskId: created.id, provider: 'local', attempt: 1 }) as object,
      msg: 'task attempt failed unexpectedly',
    });
  });
});
