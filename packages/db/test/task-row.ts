import type { NewTaskRow } from '../src/schema';

/** 1 January 2026, midnight UTC: when the suites' rows are made, unless they say otherwise. */
export const t0 = 1_767_225_600_000;

/** A finished `local` task row of ann's, with every required column, changed by `fields`. */
export function taskRow(id: string, fields: Partial<NewTaskRow> = {}): NewTaskRow {
  return {
    id,
    status: 'completed',
    operation: 'generate',
    provider: 'local',
    model: 'local-1',
    prompt: id,
    aspectRatio: '1:1',
    count: 1,
    outputFormat: 'png',
    seed: 1,
    owner: 'ann',
    createdAt: t0,
    updatedAt: t0,
    ...fields,
  };
}
