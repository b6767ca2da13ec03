import { Command } from 'commander';
import { withClient } from '../connect';
import { taskLine } from '../describe-task';
import { examples } from '../examples';
import { onRun } from '../on-run';
import type { CliIo } from '../session';

export function retryCommand(io: CliIo): Command {
  const command = new Command('retry')
    .summary('run a failed or canceled task again, as a new task')
    .argument('<id>', 'the failed or canceled task')
    .addHelpText(
      'after',
      examples(
        'genhub retry 01JZ8K2M3N4P5Q6R7S8T9V0W1X',
        'genhub watch --task "$(genhub retry 01JZ8K2M3N4P5Q6R7S8T9V0W1X --json | jq -r .task.id)"',
      ),
    );
  return onRun(command, io, async (session, [id = '']) => {
    const task = await withClient(session, (client) => client.trpc.task.retry.mutate({ id }));
    session.out.emit(
      { type: 'task', task },
      `Retrying ${id} as ${task.id}\n${taskLine(task)}\nFollow it: genhub watch --task ${task.id}`,
    );
  });
}
