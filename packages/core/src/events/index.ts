export { TaskEventBus, type TaskEventListener } from './task-event-bus';
export { readEventsSince, headSeq, type EventRange } from './read-events-since';
export { streamTaskEvents, type StreamOptions } from './stream-task-events';
export { Signal } from './signal';
