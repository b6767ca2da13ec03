import type { TaskEvent } from '../schemas';

export type TaskEventListener = (event: TaskEvent) => void;

/** In-process fan-out of committed task events. Listeners must not throw. */
export class TaskEventBus {
  private readonly listeners = new Set<TaskEventListener>();

  subscribe(listener: TaskEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: TaskEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  get size(): number {
    return this.listeners.size;
  }
}
