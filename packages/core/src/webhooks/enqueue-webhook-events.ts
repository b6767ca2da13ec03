import {
  countOpenPlanTasks,
  listEnabledEndpoints,
  runNow,
  sqliteDataSource,
  type DataSource,
  type Unit,
} from '@genhub/db';
import type { CoreContext } from '../context';
import { planRow, planSummaries } from '../plans/plan-summary';
import type { Task, TaskEventType, WebhookEventType } from '../schemas';
import { insertWebhookDelivery } from './insert-webhook-delivery';
import { webhookBody } from './webhook-body';

const taskEventOf: Partial<Record<TaskEventType, WebhookEventType>> = {
  completed: 'task.completed',
  failed: 'task.failed',
};

/** Changes that may end a plan's last open task. */
const endings = new Set<TaskEventType>(['completed', 'failed', 'canceled']);

/** The plan's summary when this change left none of its tasks open, else null. */
function* finishedPlan(ctx: CoreContext, data: DataSource, planId: string) {
  const open = yield* countOpenPlanTasks(data, planId);
  const row = open === 0 ? planRow(ctx.db, planId) : undefined;
  return row ? (planSummaries(ctx.db, [row])[0] ?? null) : null;
}

function* enqueue(
  ctx: CoreContext,
  data: DataSource,
  type: TaskEventType,
  task: Task,
  now: number,
): Unit<void> {
  const taskEvent = taskEventOf[type];
  const planId = endings.has(type) ? task.planId : null;
  if (!taskEvent && !planId) return;
  const endpoints = yield* listEnabledEndpoints(data, task.owner);
  if (endpoints.length === 0) return;
  function* queue(event: WebhookEventType, body: () => unknown): Unit<void> {
    const wanting = endpoints.filter((endpoint) => endpoint.events.includes(event));
    if (wanting.length === 0) return;
    const payload = webhookBody(event, now, body());
    for (const endpoint of wanting) {
      yield* insertWebhookDelivery(
        data,
        { endpointId: endpoint.id, owner: task.owner, eventType: event, payload },
        now,
      );
    }
  }
  if (taskEvent) yield* queue(taskEvent, () => task);
  if (planId && endpoints.some((endpoint) => endpoint.events.includes('plan.finished'))) {
    const plan = yield* finishedPlan(ctx, data, planId);
    if (plan) yield* queue('plan.finished', () => plan);
  }
}

/**
 * Queues the deliveries a task change calls for. It runs inside the change's synchronous
 * transaction (on its connection, `ctx.db`), so an event is never lost between the task's
 * commit and its deliveries: one indexed read of the owner's endpoints, then one insert per
 * endpoint that wants the event. The statements are the units the async callers run.
 */
export function enqueueWebhookEvents(
  ctx: CoreContext,
  type: TaskEventType,
  task: Task,
  now: number,
): void {
  runNow(sqliteDataSource(ctx.db), (data) => enqueue(ctx, data, type, task, now));
}
