import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CreatePlanInput } from '@genhub/client';
import { createPlanInput, variationPlan, type PlanSummary } from '@genhub/core/schemas';
import { progressReporter } from '../report-progress';
import { planOutput } from '../results/output-schemas';
import { describeImages, resultsOf } from '../results/summarize-task';
import type { ToolContext } from '../tool-context';
import type { ToolExtra } from '../tool-extra';
import { toolHandler } from './tool-handler';
import { waitingSignal, waitSeconds } from './wait-seconds';

const request = createPlanInput.shape;

const describePlan = (plan: PlanSummary) =>
  `Plan ${plan.id} ("${plan.externalId}") ${plan.status}: ${plan.counts.completed} of ` +
  `${plan.total} completed, ${plan.counts.failed} failed, ${plan.counts.canceled} canceled; ` +
  `spent ${plan.spent}${plan.unit ? ` ${plan.unit}` : ''}` +
  (plan.budget === null ? '' : ` of a budget of ${plan.budget}`) +
  ` [${plan.provider}/${plan.model}]`;

/**
 * Creates the plan and follows it for up to `waitSeconds` (telling the client its progress):
 * its final summary, or the latest one when it is still running then.
 */
async function startPlan(
  ctx: ToolContext,
  input: CreatePlanInput,
  waitSeconds: number,
  extra: ToolExtra,
): Promise<PlanSummary> {
  const { signal } = extra;
  if (waitSeconds === 0) return ctx.client.trpc.plan.create.mutate(input, { signal });
  const report = progressReporter(extra);
  const waiting = waitingSignal(signal, waitSeconds);
  const seen: { latest: PlanSummary | null } = { latest: null };
  try {
    return await ctx.client.plans.run(input, {
      signal: waiting.signal,
      onProgress: (plan) => {
        seen.latest = plan;
        const done = plan.counts.completed + plan.counts.failed + plan.counts.canceled;
        report(describePlan(plan), { done, total: plan.total });
      },
    });
  } catch (error) {
    if (!waiting.patience.aborted || signal.aborted || !seen.latest) throw error;
    return seen.latest;
  }
}

export function registerRunPlanTool(server: McpServer, ctx: ToolContext) {
  server.registerTool(
    'run_plan',
    {
      title: 'Run a variation plan',
      description:
        'Runs a genhub variation plan (batches of variations of reference images, each a task) ' +
        'within an optional budget, and answers with its outcome and links to every image. ' +
        'reference_image is an uploaded asset id, a generation id or an uploaded file name.',
      inputSchema: {
        plan: variationPlan.describe('The plan JSON'),
        budget: request.budget.describe(
          "Spend cap in the model's price unit: the plan stops before going over it",
        ),
        provider: request.provider,
        model: request.model,
        outputFormat: request.outputFormat.unwrap().optional(),
        confirmOverBudget: request.confirmOverBudget.describe(
          'Run even when the list-price estimate is over the budget',
        ),
        waitSeconds: waitSeconds('the plan to finish'),
      },
      outputSchema: planOutput,
      annotations: { readOnlyHint: false, destructiveHint: false, openWorldHint: true },
    },
    toolHandler(async ({ waitSeconds, budget, ...input }, extra) => {
      const { signal } = extra;
      const { id } = await startPlan(ctx, { ...input, budget }, waitSeconds, extra);
      const { plan, tasks } = await ctx.client.trpc.plan.get.query({ id }, { signal });
      const made = tasks.map((task) => ({
        task,
        images: resultsOf(task, ctx.publicUrl).map((r) => r.output),
      }));
      const lines = made.flatMap(({ task, images }) => [
        `${task.planItemId ?? task.id}: task ${task.id} ${task.status}` +
          (task.error ? ` (${task.error.message})` : ''),
        ...describeImages(images),
      ]);
      const images = made.flatMap((m) => m.images);
      const running =
        plan.status === 'running'
          ? [`Still running: search_gallery with planId "${plan.id}" shows what it has made.`]
          : [];
      return {
        content: [{ type: 'text', text: [describePlan(plan), ...lines, ...running].join('\n') }],
        structuredContent: { plan, images },
      };
    }),
  );
}
