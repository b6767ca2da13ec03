import { Command, Option } from 'commander';
import { listTasksInput, taskStatuses } from '@genhub/core/schemas';
import { z } from 'zod';
import { withClient } from '../connect';
import { taskTable } from '../describe-task';
import { examples } from '../examples';
import { onRun } from '../on-run';
import { parseFlags } from '../parse-flags';
import type { CliIo } from '../session';

const lsFlags = z.object({
  status: listTasksInput.shape.status,
  limit: z.coerce.number().int().min(1).max(100).default(30),
  cursor: z.string().min(1).optional(),
});

export function lsCommand(io: CliIo): Command {
  const command = new Command('ls')
    .summary('list your tasks, newest first')
    .description('Lists your tasks, newest first. Piped (or --json): one JSON line a task.')
    .addOption(new Option('--status <status>', 'only tasks in this status').choices(taskStatuses))
    .option('--limit <n>', 'how many (1–100)', '30')
    .option('--cursor <cursor>', 'the next page: the cursor the previous page printed')
    .addHelpText(
      'after',
      examples(
        'genhub ls',
        'genhub ls --status failed --limit 10',
        'genhub ls --json | jq -r \'select(.task.status == "failed") | .task.id\'',
      ),
    );
  return onRun(command, io, async (session, _args, options) => {
    const flags = parseFlags(lsFlags, options);
    const page = await withClient(session, (client) => client.trpc.task.list.query(flags));
    const { out } = session;
    if (!out.tty) {
      for (const task of page.items) out.emit({ type: 'task', task });
      return;
    }
    out.say(page.items.length ? taskTable(page.items, out) : 'No tasks');
    if (page.nextCursor) out.say(out.paint('dim', `More: genhub ls --cursor ${page.nextCursor}`));
  });
}
