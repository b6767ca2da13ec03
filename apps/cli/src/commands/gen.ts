import { Command } from 'commander';
import { z } from 'zod';
import { examples } from '../examples';
import { onRun } from '../on-run';
import { parseFlags } from '../parse-flags';
import { runTask } from '../run-task';
import type { CliIo } from '../session';
import { collect, countFlag, taskFieldsOf, taskFlags, withTaskFlags } from '../task-flags';

const genFlags = taskFlags.extend({
  ...countFlag,
  ref: z.array(z.string().min(1)).default([]),
  strength: z.coerce.number().min(0.1).max(1).optional(),
});

export function genCommand(io: CliIo): Command {
  const command = withTaskFlags(
    new Command('gen')
      .summary('generate images from a prompt (and reference images)')
      .description(
        'Generates images from a prompt and saves them to --out. With --ref, the images guide ' +
          'the result (image-to-image). On a terminal it shows the task live; piped, one JSON line ' +
          'an event and a last {"type":"task","task":…,"files":[…]} line.',
      )
      .argument('<prompt>', 'what to make')
      .option('-n, --count <n>', 'how many images, 1 to 6 (default 1)')
      .option('--ref <file>', 'a reference image (PNG, JPEG, WebP); repeat for more', collect)
      .option('--strength <0.1-1>', 'with --ref: how far from the references (default 0.8)'),
  ).addHelpText(
    'after',
    examples(
      'genhub gen "a lighthouse at dusk, oil painting"',
      'genhub gen "a red fox in snow" --ar 16:9 -n 4 --out ./foxes',
      'genhub gen "the same cat as a watercolour" --ref cat.png --strength 0.6',
      'genhub gen "product shot" --provider kie --model nano-banana-pro --resolution 2K --seed 7',
      'genhub gen "a red fox" --json | jq -r \'select(.type == "task") | .files[]\'',
    ),
  );
  return onRun(command, io, async (session, [prompt = ''], options) => {
    const flags = parseFlags(genFlags, options);
    const withRefs = flags.ref.length > 0;
    await runTask(
      session,
      {
        ...taskFieldsOf(flags),
        operation: withRefs ? 'edit' : 'generate',
        prompt,
        count: flags.count,
        options: flags.strength === undefined ? undefined : { strength: flags.strength },
      },
      flags.ref,
      flags,
    );
  });
}
