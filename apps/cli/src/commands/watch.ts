import { Command } from 'commander';
import type { Task, TaskEvent } from '@genhub/client';
import { z } from 'zod';
import { CliError } from '../cli-error';
import { withClient, type GenhubClient } from '../connect';
import { taskLine } from '../describe-task';
import { examples } from '../examples';
import { exitCodes } from '../exit-codes';
import { onInterrupt } from '../interrupt';
import { onRun } from '../on-run';
import type { Output } from '../output';
import { parseFlags } from '../parse-flags';
import type { CliIo } from '../session';

const watchFlags = z.object({
  task: z.string().min(1).optional(),
  plan: z.string().min(1).optional(),
});

const isFinal = (task: Task) => ['completed', 'failed', 'canceled'].includes(task.status);

function show(out: Output, event: TaskEvent): void {
  const time = new Date().toTimeString().slice(0, 8);
  out.emit(
    { type: 'event', event: event.type, seq: event.seq, task: event.task },
    `${out.paint('dim', time)}  ${event.type.padEnd(16)}${taskLine(event.task)}`,
  );
}

/** A task's end as the exit: 0 when it completed, 1 otherwise. */
function endOf(task: Task): void {
  if (task.status === 'completed') return;
  throw new CliError(
    `Task ${task.id} ${task.status}${task.error ? `: ${task.error.message}` : ''}`,
    exitCodes.failed,
    task.error?.code ?? 'TASK_FAILED',
  );
}

/**
 * One task, from now to its end. The event cursor is read before the task, so whatever
 * happens after the read is replayed: no event falls between the two.
 */
async function followTask(client: GenhubClient, out: Output, id: string, signal: AbortSignal) {
  const { lastEventId } = await client.trpc.task.list.query({ limit: 1 });
  const task = await client.trpc.task.get.query({ id });
  out.emit({ type: 'task', task }, taskLine(task));
  if (isFinal(task)) return endOf(task);
  for await (const event of client.watch({ taskId: id, lastEventId }, { signal })) {
    show(out, event);
    if (isFinal(event.task)) return endOf(event.task);
  }
}

export function watchCommand(io: CliIo): Command {
  const command = new Command('watch')
    .summary('follow task events live (all yours, one task, or one plan)')
    .description(
      'Prints task events as they happen: every task of yours, one task (--task: ends when it ' +
        'does, exit 0 if it completed, 1 if not) or the tasks of one plan (--plan). Without ' +
        '--task it runs until Ctrl-C. Piped: one JSON line an event.',
    )
    .option('--task <id>', 'only this task; stop when it ends')
    .option('--plan <id>', "only this plan's tasks")
    .addHelpText(
      'after',
      examples(
        'genhub watch',
        'genhub watch --task 01JZ8K2M3N4P5Q6R7S8T9V0W1X',
        "genhub watch --plan 01JZ8K2M3N4P5Q6R7S8T9V0W1X --json | jq -c '{event, id: .task.id}'",
      ),
    );
  return onRun(command, io, async (session, _args, options) => {
    const flags = parseFlags(watchFlags, options);
    const interrupt = onInterrupt();
    try {
      await withClient(session, async (client) => {
        if (flags.task) return followTask(client, session.out, flags.task, interrupt.signal);
        session.out.say(session.out.paint('dim', 'Watching task events; Ctrl-C to stop'));
        for await (const event of client.watch(
          { planId: flags.plan },
          { signal: interrupt.signal },
        )) {
          show(session.out, event);
        }
      });
    } catch (error) {
      if (!interrupt.signal.aborted) throw error;
    } finally {
      interrupt.dispose();
    }
    if (interrupt.signal.aborted) {
      throw new CliError('Stopped watching', exitCodes.interrupted, 'INTERRUPTED');
    }
  });
}
