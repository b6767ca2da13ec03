import type { RouterInputs, RouterOutputs } from '@genhub/api';

/** What a tracked subscription's items (`{ id, data }`) carry. */
type TrackedData<T> = T extends AsyncIterable<{ data: infer E }> ? E : never;

export type { AppRouter, RouterInputs, RouterOutputs } from '@genhub/api';

/** What `task.create` and `generate` take. */
export type CreateTaskInput = RouterInputs['task']['create'];
/** A task as every client sees it; `status` says how far it got. */
export type Task = RouterOutputs['task']['get'];
export type TaskStatus = Task['status'];
/** One image or video a task made. */
export type Generation = Task['generations'][number];
/** One change of a task, as `task.events` and `watch` deliver it. */
export type TaskEvent = TrackedData<RouterOutputs['task']['events']>;
/** What `plan.create` and `plans.run` take. */
export type CreatePlanInput = RouterInputs['plan']['create'];
/** A plan's progress: counts, spend and status. */
export type PlanSummary = RouterOutputs['plan']['create'];
