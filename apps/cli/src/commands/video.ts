import { Command, Option } from 'commander';
import { videoDurations, videoModes } from '@genhub/core/schemas';
import { z } from 'zod';
import { examples } from '../examples';
import { onRun } from '../on-run';
import { parseFlags } from '../parse-flags';
import { runTask } from '../run-task';
import type { CliIo } from '../session';
import { collect, taskFlags, taskFieldsOf, withTaskFlags } from '../task-flags';

const videoFlags = taskFlags.extend({
  image: z.array(z.string().min(1)).default([]),
  duration: z.coerce.number().int().optional(),
  mode: z.enum(videoModes).optional(),
});

export function videoCommand(io: CliIo): Command {
  const command = withTaskFlags(
    new Command('video')
      .summary('make a video clip from a prompt (and images)')
      .description(
        'Makes one MP4 clip (text-to-video). With --image it starts from your images ' +
          '(image-to-video): the first frame and optionally the last, or with --mode reference ' +
          '1 to 3 pictures of what the clip should show (8-second clips).',
      )
      .argument('<prompt>', 'what happens in the clip')
      .option(
        '--image <file>',
        'a first (then last) frame or a reference image; repeatable',
        collect,
      )
      .addOption(
        new Option('--duration <seconds>', 'clip length (default 8)').choices(
          videoDurations.map(String),
        ),
      )
      .addOption(
        new Option('--mode <mode>', 'how --image is read (default frames)').choices(videoModes),
      ),
  ).addHelpText(
    'after',
    examples(
      'genhub video "waves rolling onto a beach at sunset" --duration 4 --out ./clips',
      'genhub video "the cat jumps onto the table" --image cat.png --ar 9:16',
      'genhub video "a slow pan" --image first.png --image last.png --provider kie --resolution 1080p',
    ),
  );
  return onRun(command, io, async (session, [prompt = ''], options) => {
    const flags = parseFlags(videoFlags, options);
    const fromImages = flags.image.length > 0;
    const videoOptions = {
      ...(flags.duration === undefined ? {} : { durationSeconds: flags.duration }),
      ...(flags.mode === undefined ? {} : { videoMode: flags.mode }),
    };
    await runTask(
      session,
      {
        ...taskFieldsOf(flags),
        operation: fromImages ? 'image-to-video' : 'text-to-video',
        prompt,
        options: Object.keys(videoOptions).length ? videoOptions : undefined,
      },
      flags.image,
      flags,
    );
  });
}
