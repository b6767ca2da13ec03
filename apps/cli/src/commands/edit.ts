import { Command, Option } from 'commander';
import { z } from 'zod';
import { examples } from '../examples';
import { onRun } from '../on-run';
import { parseFlags } from '../parse-flags';
import { runTask } from '../run-task';
import type { CliIo } from '../session';
import { collect, countFlag, taskFieldsOf, taskFlags, withTaskFlags } from '../task-flags';

/** The operations that change images the user has, as `genhub edit --operation` offers them. */
const editOperations = [
  'edit',
  'remove-background',
  'style-transfer',
  'enhance',
  'batch-edit',
] as const;

const editFlags = taskFlags.extend({
  ...countFlag,
  operation: z.enum(editOperations).default('edit'),
  ref: z.array(z.string().min(1)).default([]),
  strength: z.coerce.number().min(0.1).max(1).optional(),
});

export function editCommand(io: CliIo): Command {
  const command = withTaskFlags(
    new Command('edit')
      .summary('upload an image and edit it with a prompt')
      .description(
        'Uploads the image (and any --ref images after it) and edits it as the prompt says. ' +
          '--operation picks another image operation: remove-background and enhance take one ' +
          'image, style-transfer two (content, then --ref style), batch-edit edits each image.',
      )
      .argument('<image>', 'the image to edit (PNG, JPEG, WebP)')
      .argument(
        '[prompt]',
        'what to change (optional for remove-background, style-transfer, enhance)',
      )
      .addOption(
        new Option('--operation <op>', 'what to do with the image')
          .choices(editOperations)
          .default('edit'),
      )
      .option('--ref <file>', 'another image; repeat for more', collect)
      .option('-n, --count <n>', 'how many results, 1 to 6 (edit only; default 1)')
      .option('--strength <0.1-1>', 'how far from the original (default 0.8)'),
  ).addHelpText(
    'after',
    examples(
      'genhub edit photo.png "make it winter, snow on the roofs"',
      'genhub edit photo.png "add a rainbow" --ref sky.png -n 2 --out ./edits',
      'genhub edit portrait.jpg --operation remove-background --format png',
      'genhub edit photo.png --operation style-transfer --ref starry-night.jpg',
      'genhub edit small.png --operation enhance --out ./big',
    ),
  );
  return onRun(command, io, async (session, [image = '', prompt = ''], options) => {
    const flags = parseFlags(editFlags, options);
    await runTask(
      session,
      {
        ...taskFieldsOf(flags),
        operation: flags.operation,
        prompt,
        count: flags.count,
        options: flags.strength === undefined ? undefined : { strength: flags.strength },
      },
      [image, ...flags.ref],
      flags,
    );
  });
}
