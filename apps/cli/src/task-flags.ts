import { Option, type Command } from 'commander';
import {
  aspectRatio,
  createTaskInput,
  maxImagesPerTask,
  outputFormat,
  resolution,
  safetyLevel,
} from '@genhub/core/schemas';
import type { CreateTaskInput } from '@genhub/client';
import { z } from 'zod';
import { usageError } from './cli-error';

/** Commander's collector for a flag given more than once (`--ref a.png --ref b.png`). */
export const collect = (value: string, previous: string[] = []) => [...previous, value];

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** The flags every task command takes, parsed from commander's strings. */
export const taskFlags = z.object({
  ar: aspectRatio.optional(),
  provider: z.string().min(1).optional(),
  model: z.string().min(1).optional(),
  resolution: resolution.optional(),
  seed: int(0, 2_147_483_647).optional(),
  format: outputFormat.optional(),
  safety: safetyLevel.optional(),
  priority: int(-100, 100).optional(),
  maxAttempts: int(0, 5).optional(),
  timeout: int(10, 86_400).optional(),
  out: z.string().min(1).default('.'),
  download: z.boolean().default(true),
  cancelOnInterrupt: z.boolean().default(false),
});
export type TaskFlags = z.output<typeof taskFlags>;

export const countFlag = { count: int(1, maxImagesPerTask).optional() };

/** Adds the shared task flags to `command`. */
export function withTaskFlags(command: Command): Command {
  return command
    .addOption(
      new Option(
        '--ar <ratio>',
        'aspect ratio (default 1:1; an edit keeps the image shape; 16:9 for video)',
      ).choices(aspectRatio.options),
    )
    .option('--provider <id>', 'provider: local, kie, fal, replicate, … (default local)')
    .option('--model <id>', "model id (default: the provider's default model)")
    .addOption(
      new Option('--resolution <size>', 'output size, for models that offer sizes').choices(
        resolution.options,
      ),
    )
    .option('--seed <n>', 'seed, for repeatable results')
    .addOption(
      new Option('--format <format>', 'image format (default png)').choices(outputFormat.options),
    )
    .addOption(
      new Option('--safety <level>', "the vendor's safety filter, where it has one").choices(
        safetyLevel.options,
      ),
    )
    .option('--priority <n>', 'queue priority, -100 to 100 (higher runs first)')
    .option('--max-attempts <n>', 'tries in all, 0 to 5 (default 3)')
    .option('--timeout <seconds>', 'fail the task if not done this long after it is accepted')
    .option('--out <dir>', 'where to save the results', '.')
    .option('--no-download', 'do not download; print the result URLs')
    .option(
      '--cancel-on-interrupt',
      'on Ctrl-C, cancel the task too (by default it keeps running and its id is printed)',
    );
}

/** The request fields the shared flags set. */
export function taskFieldsOf(flags: TaskFlags): Partial<CreateTaskInput> {
  return {
    aspectRatio: flags.ar,
    provider: flags.provider,
    model: flags.model,
    resolution: flags.resolution,
    seed: flags.seed,
    outputFormat: flags.format,
    safety: flags.safety,
    priority: flags.priority,
    maxAttempts: flags.maxAttempts,
    timeoutSeconds: flags.timeout,
  };
}

/** Where a field of the request comes from on the command line, for error messages. */
const flagOfField: Record<string, string> = {
  prompt: 'the prompt',
  count: '--count',
  aspectRatio: '--ar',
  assetIds: 'the images',
  outputFormat: '--format',
  seed: '--seed',
  timeoutSeconds: '--timeout',
  'options.strength': '--strength',
  'options.durationSeconds': '--duration',
  'options.videoMode': '--mode',
};

/**
 * Checks the request as the server will (with placeholders for images not yet uploaded), so a
 * wrong combination fails before anything is uploaded.
 */
export function checkTaskInput(input: CreateTaskInput, images: number): void {
  const placeholders = Array.from({ length: images }, (_, i) => `image-${i + 1}`);
  const parsed = createTaskInput.safeParse({
    ...input,
    assetIds: images ? placeholders : undefined,
  });
  if (parsed.success) return;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') ?? '';
  const where = flagOfField[field] ?? field;
  throw usageError(`${where ? `${where}: ` : ''}${issue?.message ?? 'invalid request'}`);
}
