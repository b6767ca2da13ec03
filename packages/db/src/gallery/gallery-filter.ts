import type { TaskRow } from '../schema';

type Operation = TaskRow['operation'];

/** Which tasks a gallery page holds; every field narrows it, absent ones do not. */
export interface GalleryFilter {
  /** Only this user's tasks; everyone's when absent. */
  owner?: string | undefined;
  /** The trash (deleted tasks) instead of the gallery. */
  trash: boolean;
  status?: TaskRow['status'] | undefined;
  provider?: string | undefined;
  model?: string | undefined;
  operation?: Operation | undefined;
  /** Only these operations, or all but these. */
  operations?: { in: readonly Operation[] } | { notIn: readonly Operation[] } | undefined;
  aspectRatio?: TaskRow['aspectRatio'] | undefined;
  planId?: string | undefined;
  starred?: boolean | undefined;
  /** Ids at or above this one (ids are time-ordered, so this is a date). */
  fromId?: string | undefined;
  /** Ids below this one. */
  toId?: string | undefined;
  collectionId?: string | undefined;
  /** Words that must each appear in the prompt, as typed. */
  search?: string | undefined;
}

export interface GalleryPageRequest extends GalleryFilter {
  /** The last id of the previous page. */
  cursor?: string | undefined;
  newest: boolean;
  limit: number;
}
