import { monotonicFactory } from 'ulid';

const ulid = monotonicFactory();

/** Time-ordered ids: sorting by id is sorting by creation. */
export const newId = (now: number): string => ulid(now).toLowerCase();
