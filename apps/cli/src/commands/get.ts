import { Command } from 'commander';
import { z } from 'zod';
import { withClient } from '../connect';
import { taskDetails } from '../describe-task';
import { examples } from '../examples';
import { onRun } from '../on-run';
import { parseFlags } from '../parse-flags';
import { saveGenerations } from '../save-generations';
import type { CliIo } from '../session';

const getFlags = z.object({ out: z.string().min(1).optional() });

export function getCommand(io: CliIo): Command {
  const command = new Command('get')
    .summary('show one task (and download its files with --out)')
    .argument('<id>', 'the task id')
    .option('--out <dir>', 'also download its images or clip into this directory')
    .addHelpText(
      'after',
      examples(
        'genhub get 01JZ8K2M3N4P5Q6R7S8T9V0W1X',
        'genhub get 01JZ8K2M3N4P5Q6R7S8T9V0W1X --out ./images',
      ),
    );
  return onRun(command, io, async (session, [id = ''], options) => {
    const flags = parseFlags(getFlags, options);
    await withClient(session, async (client, url) => {
      const task = await client.trpc.task.get.query({ id });
      const files = flags.out ? await saveGenerations(client, task, flags.out) : [];
      session.out.emit(
        { type: 'task', task, files },
        [taskDetails(task, session.out, url), ...files.map((f) => `  saved:        ${f}`)].join(
          '\n',
        ),
      );
    });
  });
}
