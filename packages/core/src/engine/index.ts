export { Scheduler, type SchedulerOptions } from './scheduler';
export { requeueInterrupted } from './requeue-interrupted';
