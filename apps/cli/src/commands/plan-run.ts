import { Command, Option } from 'commander';
import type { PlanSummary, RouterOutputs } from '@genhub/client';
import { outputFormat } from '@genhub/core/schemas';
import { z } from 'zod';
import { CliError } from '../cli-error';
import { withClient, type GenhubClient } from '../connect';
import { planLine } from '../describe-plan';
import { examples } from '../examples';
import { exitCodes } from '../exit-codes';
import { onInterrupt } from '../interrupt';
import { onRun } from '../on-run';
import { parseFlags } from '../parse-flags';
import { createBoard, type Board } from '../progress-board';
import { readPlanFile, withAssetIds, type PlanFile } from '../read-plan-file';
import { saveGenerations } from '../save-generations';
import type { CliIo, Session } from '../session';
import { stopWaiting } from '../stop-waiting';
import { uploadReferences } from '../upload-references';

const planFlags = z.object({
  budget: z.coerce.number().positive().optional(),
  provider: z.string().min(1).optional(),
  model: z.string().min(1).optional(),
  format: outputFormat.optional(),
  confirmOverBudget: z.boolean().default(false),
  estimate: z.boolean().default(false),
  out: z.string().min(1).default('.'),
  download: z.boolean().default(true),
  cancelOnInterrupt: z.boolean().default(false),
});
type PlanFlags = z.output<typeof planFlags>;

/** Saves every finished variation as `<task_id>-1.png`, …, named by the plan's own ids. */
async function saveVariations(client: GenhubClient, plan: PlanSummary, dir: string) {
  const { tasks } = await client.trpc.plan.get.query({ id: plan.id });
  const files: string[] = [];
  for (const task of tasks) {
    files.push(...(await saveGenerations(client, task, dir, task.planItemId ?? task.id)));
  }
  return files;
}

/** The plan with its local images uploaded and named by their asset ids. */
async function uploadLocalImages(client: GenhubClient, file: PlanFile, board: Board | null) {
  const names = [...file.images.keys()];
  const ids = await uploadReferences(client, [...file.images.values()], board);
  return withAssetIds(file.plan, new Map(names.map((name, i) => [name, ids[i] ?? name])));
}

async function runPlan(session: Session, path: string, flags: PlanFlags, board: Board | null) {
  const file = await readPlanFile(path);
  const { plan } = file;
  const { out } = session;
  const interrupt = onInterrupt();
  let last: PlanSummary | null = null;
  try {
    await withClient(session, async (client) => {
      try {
        const request = {
          plan: await uploadLocalImages(client, file, board),
          provider: flags.provider,
          model: flags.model,
          outputFormat: flags.format,
          budget: flags.budget,
        };
        if (flags.estimate) {
          const estimate = await client.trpc.plan.estimate.query(request);
          out.emit({ type: 'estimate', estimate }, estimateText(estimate));
          if (estimate.problems.length)
            throw new CliError('The plan has problems', exitCodes.usage, 'PLAN_PROBLEMS');
          return;
        }
        board?.set('plan', `creating plan ${plan.plan_id}…`);
        const final = await client.plans.run(
          { ...request, confirmOverBudget: flags.confirmOverBudget },
          {
            budget: flags.budget,
            signal: interrupt.signal,
            onProgress: (summary) => {
              last = summary;
              board?.set('plan', planLine(summary));
              out.emit({ type: 'progress', plan: summary });
            },
          },
        );
        last = final;
        board?.set('plan', planLine(final), final.status === 'completed' ? 'ok' : 'failed');
        const files = flags.download ? await saveVariations(client, final, flags.out) : [];
        board?.stop();
        out.emit({ type: 'plan', plan: final, files }, files.join('\n'));
        if (final.status !== 'completed') {
          throw new CliError(
            `Plan ${final.id} ended ${final.status}: ${planLine(final)}`,
            exitCodes.failed,
            'PLAN_FAILED',
          );
        }
      } catch (error) {
        if (interrupt.signal.aborted && !(error instanceof CliError)) {
          const cancel = flags.cancelOnInterrupt
            ? (id: string) => client.trpc.plan.cancel.mutate({ id })
            : null;
          throw await stopWaiting(session, last && { kind: 'plan', id: last.id }, cancel);
        }
        throw error;
      }
    });
  } finally {
    board?.stop();
    interrupt.dispose();
  }
}

function estimateText(estimate: RouterOutputs['plan']['estimate']): string {
  const cost =
    estimate.amount === null ? 'price unknown' : `${estimate.amount} ${estimate.unit ?? ''}`.trim();
  const lines = [
    `${estimate.tasks} variations on ${estimate.provider}/${estimate.model}: ${cost}` +
      (estimate.budget === null
        ? ''
        : ` (budget ${estimate.budget}${estimate.overBudget ? ', over budget' : ''})`),
    ...estimate.problems.map((p) => `  ${p.path}: ${p.message}`),
  ];
  return lines.join('\n');
}

export function planRunCommand(io: CliIo): Command {
  const command = new Command('run')
    .summary('run a variation plan file and download the results')
    .description(
      'Runs a variation plan (seed 004 JSON). A reference_image that is a file next to the plan ' +
        '(or an absolute path) is uploaded first; otherwise it names an uploaded image or a ' +
        'generation. Shows the plan live on a terminal; piped, one JSON line per progress update ' +
        'and a last {"type":"plan","plan":…,"files":[…]} line. Exits 1 unless every variation ' +
        'completed.',
    )
    .argument('<file>', 'the plan (JSON)')
    .option('--budget <amount>', "spend cap, in the model's price unit")
    .option('--confirm-over-budget', 'run even if the estimate is over --budget')
    .option(
      '--provider <id>',
      'where to run it (default: the provider of api_config.model, else local)',
    )
    .option('--model <id>', 'overrides api_config.model')
    .addOption(
      new Option('--format <format>', 'image format (default png)').choices(outputFormat.options),
    )
    .option('--estimate', 'only print the estimate and any reference problems')
    .option('--out <dir>', 'where to save the results', '.')
    .option('--no-download', 'do not download the results')
    .option('--cancel-on-interrupt', 'on Ctrl-C, cancel the plan too (by default it keeps running)')
    .addHelpText(
      'after',
      examples(
        'genhub plan run plan.json --budget 50 --out ./variations',
        'genhub plan run plan.json --estimate',
        'genhub plan run plan.json --json | jq -c \'select(.type == "progress") | .plan.counts\'',
      ),
    );
  return onRun(command, io, async (session, [path = ''], options) => {
    const flags = parseFlags(planFlags, options);
    const board = session.out.tty && !flags.estimate ? createBoard(session.out) : null;
    await runPlan(session, path, flags, board);
  });
}
