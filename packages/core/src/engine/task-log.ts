import type { CoreContext } from '../context';
import type { Logger } from '../log';
import type { Task } from '../schemas';

type Bindings = Record<string, unknown>;

/** A logger that can make a child with bindings (pino's can; core's own interface does not ask). */
function canBind(log: Logger): log is Logger & { child(bindings: Bindings): Logger } {
  return typeof (log as { child?: unknown }).child === 'function';
}

/** Every line merges `bindings` in, for a logger that cannot make a child itself. */
function bound(log: Logger, bindings: Bindings): Logger {
  return {
    debug: (obj, msg) => log.debug({ ...bindings, ...obj }, msg),
    info: (obj, msg) => log.info({ ...bindings, ...obj }, msg),
    warn: (obj, msg) => log.warn({ ...bindings, ...obj }, msg),
    error: (obj, msg) => log.error({ ...bindings, ...obj }, msg),
  };
}

/** The log for lines about one attempt at a task: each carries its id, provider and attempt. */
export function taskLog(
  ctx: Pick<CoreContext, 'log'>,
  task: Pick<Task, 'id' | 'provider' | 'attempts'>,
): Logger {
  const bindings = { taskId: task.id, provider: task.provider, attempt: task.attempts };
  return canBind(ctx.log) ? ctx.log.child(bindings) : bound(ctx.log, bindings);
}
