import { sqliteTableOf } from './columns/sqlite-table';
import * as spec from './tables/task-tables';

/*
 * The SQLite tables (the default dialect), built from the specs in `tables/`; the
 * PostgreSQL ones (`@genhub/db/pg`) come from the same specs, so rows look the same on both.
 */

export * from './auth-schema';
export * from './cluster-schema';
export * from './webhook-schema';

export const tasks = sqliteTableOf(spec.tasks);
/** Named boards; an image (its task) can be in several. */
export const collections = sqliteTableOf(spec.collections);
export const collectionItems = sqliteTableOf(spec.collectionItems);
/** A variation plan (seed 004): its settings; its progress is read from its tasks. */
export const plans = sqliteTableOf(spec.plans);
export const generations = sqliteTableOf(spec.generations);
export const assets = sqliteTableOf(spec.assets);
/** Paused scopes of the queue: `*` for everything, or a provider id. */
export const queuePauses = sqliteTableOf(spec.queuePauses);
/** Append-only log of task changes; `seq` is the subscription cursor. */
export const taskEvents = sqliteTableOf(spec.taskEvents);

export type TaskRow = typeof tasks.$inferSelect;
export type NewTaskRow = typeof tasks.$inferInsert;
export type GenerationRow = typeof generations.$inferSelect;
export type AssetRow = typeof assets.$inferSelect;
export type QueuePauseRow = typeof queuePauses.$inferSelect;
export type TaskEventRow = typeof taskEvents.$inferSelect;
export type PlanRow = typeof plans.$inferSelect;
export type CollectionRow = typeof collections.$inferSelect;
