import {
  countOpenPlanTasks,
  listEnabledEndpoints,
  selectPlanRow,
  type DataSource,
  type Unit,
} from '@genhub/db';
import { selectPlanSummaries } from '../plans/plan-summary';
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
function* finishedPlan(data: DataSource, planId: string) {
  const open = yield* countOpenPlanTasks(data, planId);
  const row = open === 0 ? yield* selectPlanRow(data, planId, undefined) : undefined;
  return row ? ((yield* selectPlanSummaries(data, [row]))[0] ?? null) : null;
}

/**
 * Queues the deliveries a task change calls for. It runs inside the change's transaction, so
 * an event is never lost between the task's commit and its deliveries: one indexed read of the
 * owner's endpoints, then one insert per endpoint that wants the event.
 */
export function* enqueueWebhookEvents(
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
    const plan = yield* finishedPlan(data, planId);
    if (plan) yield* queue('plan.finished', () => plan);
  }
}
