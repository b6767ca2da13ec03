import { Command } from 'commander';
import { withClient } from '../connect';
import { taskLine } from '../describe-task';
import { examples } from '../examples';
import { onRun } from '../on-run';
import type { CliIo } from '../session';

export function cancelCommand(io: CliIo): Command {
  const command = new Command('cancel')
    .summary('cancel a pending or running task')
    .argument('<id>', 'the task id')
    .addHelpText('after', examples('genhub cancel 01JZ8K2M3N4P5Q6R7S8T9V0W1X'));
  return onRun(command, io, async (session, [id = '']) => {
    const task = await withClient(session, (client) => client.trpc.task.cancel.mutate({ id }));
    session.out.emit({ type: 'task', task }, taskLine(task));
  });
}
