import type { CoreContext } from '../context';
import { planRow, planSummaries } from '../plans/plan-summary';
import type { Task, TaskEventType, WebhookEventType } from '../schemas';
import { insertWebhookDelivery } from './insert-webhook-delivery';
import { webhookBody } from './webhook-body';
import { webhookStatements } from './webhook-statements';

const taskEventOf: Partial<Record<TaskEventType, WebhookEventType>> = {
  completed: 'task.completed',
  failed: 'task.failed',
};

/** Changes that may end a plan's last open task. */
const endings = new Set<TaskEventType>(['completed', 'failed', 'canceled']);

/** The plan's summary when this change left none of its tasks open, else null. */
function finishedPlan(ctx: CoreContext, planId: string) {
  const open = webhookStatements(ctx.db).openPlanTasks.get({ planId })?.n ?? 0;
  const row = open === 0 ? planRow(ctx.db, planId) : undefined;
  return row ? (planSummaries(ctx.db, [row])[0] ?? null) : null;
}

/**
 * Queues the deliveries a task change calls for. It runs inside the change's transaction, so
 * an event is never lost between the task's commit and its deliveries: one indexed read of
 * the owner's endpoints, then one insert per endpoint that wants the event.
 */
export function enqueueWebhookEvents(
  ctx: CoreContext,
  type: TaskEventType,
  task: Task,
  now: number,
): void {
  const taskEvent = taskEventOf[type];
  const planId = endings.has(type) ? task.planId : null;
  if (!taskEvent && !planId) return;
  const endpoints = webhookStatements(ctx.db).enabledEndpointsOf.all({ owner: task.owner });
  if (endpoints.length === 0) return;
  const queue = (event: WebhookEventType, data: () => unknown) => {
    const wanting = endpoints.filter((endpoint) => endpoint.events.includes(event));
    if (wanting.length === 0) return;
    const payload = webhookBody(event, now, data());
    for (const endpoint of wanting) {
      insertWebhookDelivery(
        ctx.db,
        { endpointId: endpoint.id, owner: task.owner, eventType: event, payload },
        now,
      );
    }
  };
  if (taskEvent) queue(taskEvent, () => task);
  if (planId && endpoints.some((endpoint) => endpoint.events.includes('plan.finished'))) {
    const plan = finishedPlan(ctx, planId);
    if (plan) queue('plan.finished', () => plan);
  }
}
