import type { plans } from '../src/schema';
import { t0 } from './task-row';

export type NewPlanRow = typeof plans.$inferInsert;

/** A `local` plan row, one task at a time and never retried, changed by `fields`. */
export function planRow(id: string, fields: Partial<NewPlanRow> = {}): NewPlanRow {
  return {
    id,
    externalId: `ext-${id}`,
    provider: 'local',
    model: 'local-1',
    source: {},
    batchSize: 1,
    maxConcurrent: 1,
    retryAttempts: 0,
    retryDelaySeconds: 0,
    timeoutSeconds: 60,
    createdAt: t0,
    updatedAt: t0,
    ...fields,
  };
}
