/**
 * The credits KIE reported in callbacks, by KIE task id, until the task's final poll takes
 * them. Only the callback documents `creditsConsumed`. Kept in memory: a restart between a
 * callback and its poll loses the figure (the task then shows its estimate).
 */
export class CallbackCredits {
  private readonly byTask = new Map<string, number>();

  /** `capacity` bounds the tasks kept (oldest first out), for callbacks no poll ever takes. */
  constructor(private readonly capacity = 1000) {}

  remember(kieTaskId: string, credits: number): void {
    this.byTask.delete(kieTaskId);
    this.byTask.set(kieTaskId, credits);
    if (this.byTask.size > this.capacity) {
      const oldest = this.byTask.keys().next();
      if (!oldest.done) this.byTask.delete(oldest.value);
    }
  }

  take(kieTaskId: string): number | undefined {
    const credits = this.byTask.get(kieTaskId);
    this.byTask.delete(kieTaskId);
    return credits;
  }
}
