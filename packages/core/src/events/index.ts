export { TaskEventBus, type TaskEventListener } from './task-event-bus';
export { LogFollowingBus } from './log-following-bus';
export { readEventsSince, lastAssignedSeq, type EventRange } from './read-events-since';
export { knownJson, withKnownJson } from './event-json';
export { ReplayGate, type ReleaseReplay, type ReplayGateOptions } from './replay-gate';
export { streamTaskEvents, type StreamOptions } from './stream-task-events';
export { Signal } from './signal';
