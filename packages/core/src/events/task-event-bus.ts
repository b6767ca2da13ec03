import type { TaskEvent } from '../schemas';

export type TaskEventListener = (event: TaskEvent) => void;

/** In-process fan-out of committed task events. Listeners must not throw. */
export class TaskEventBus {
  private readonly listeners = new Set<TaskEventListener>();

  subscribe(listener: TaskEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** An event was committed (by this process). */
  publish(event: TaskEvent): void {
    this.deliver(event);
  }

  protected deliver(event: TaskEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  get size(): number {
    return this.listeners.size;
  }
}
