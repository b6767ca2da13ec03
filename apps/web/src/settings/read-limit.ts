import { maxUploadBytes } from '@genhub/core/schemas';

/** The limits an admin may set for one user, with the bounds the server accepts. */
export const limitBounds = {
  tasksPerMinute: { min: 1, max: 10_000 },
  maxUploadMb: { min: 1, max: maxUploadBytes / 1024 / 1024 },
} as const;

export type LimitName = keyof typeof limitBounds;
export const limitNames = Object.keys(limitBounds) as LimitName[];

/**
 * What a limit field says: `null` when left empty (the server's default applies), the whole
 * number within bounds, or `undefined` when it is neither.
 */
export function readLimit(name: LimitName, value: string): number | null | undefined {
  const text = value.trim();
  if (text === '') return null;
  const { min, max } = limitBounds[name];
  const limit = Number(text);
  return Number.isInteger(limit) && limit >= min && limit <= max ? limit : undefined;
}
