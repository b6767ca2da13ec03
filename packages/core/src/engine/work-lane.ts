/** Work that runs one piece at a time, in the order it was asked for. */
export class WorkLane {
  private tail: Promise<void> = Promise.resolve();
  private waiting = 0;

  /** Runs `work` once everything asked for before it has ended; settles as `work` does. */
  run(work: () => Promise<void>): Promise<void> {
    this.waiting++;
    const turn = this.tail.then(work).finally(() => this.waiting--);
    this.tail = turn.catch(() => undefined);
    return turn;
  }

  /** Whether work is running or waiting its turn. */
  get busy(): boolean {
    return this.waiting > 0;
  }

  /** Resolves once no work runs or waits, also what was asked for meanwhile; never rejects. */
  async drained(): Promise<void> {
    while (this.waiting > 0) await this.tail;
  }
}
