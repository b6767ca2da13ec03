import { encodeTime, monotonicFactory } from 'ulid';

const ulid = monotonicFactory();

/** Time-ordered ids: sorting by id is sorting by creation. */
export const newId = (now: number): string => ulid(now).toLowerCase();

/** The id prefix of an instant: every id made at or after `ms` sorts at or after it. */
export const idPrefixAt = (ms: number): string => encodeTime(ms, 10).toLowerCase();
