import type { NoticeBoard } from '@genhub/db';
import type { Notices, NoticeTopic } from './notices';

/**
 * Notices through a board of change counters in the shared database, looked at on every
 * `poll()`: a counter that moved since the last look, and not by this instance, is a notice.
 * Sends and looks take turns, so the counts seen never go back to an earlier read.
 */
export class PollingNotices implements Notices {
  private readonly listeners = new Map<string, Set<() => void>>();
  private turn: Promise<void> = Promise.resolve();
  /** A look waiting for its turn, which later calls join (it will see their changes too). */
  private nextLook: Promise<void> | null = null;

  private constructor(
    private readonly board: NoticeBoard,
    private seen: Map<string, number>,
    private readonly onError: (error: unknown) => void,
  ) {}

  /**
   * Notices over `board`, starting from its counts now (what changed before is not news). A
   * send or look that fails goes to `onError`; the next look sees what it missed.
   */
  static async open(
    board: NoticeBoard,
    onError: (error: unknown) => void = () => undefined,
  ): Promise<PollingNotices> {
    return new PollingNotices(board, await board.counts(), onError);
  }

  /** Counts the change on the board (`settled()` says when it is counted, or failed). */
  send(topic: NoticeTopic): void {
    void this.inTurn(async () => {
      const count = await this.board.bump(topic);
      // Our own change is not news to us; one made in between by another instance would be
      // folded into it, so tell this instance too in that case.
      const before = this.seen.get(topic) ?? 0;
      this.seen.set(topic, count);
      if (count > before + 1) this.tell(topic);
    });
  }

  on(topic: NoticeTopic, listener: () => void): () => void {
    let set = this.listeners.get(topic);
    if (!set) this.listeners.set(topic, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Looks at the board once and tells the listeners of every topic that moved. */
  poll(): Promise<void> {
    this.nextLook ??= this.inTurn(async () => {
      this.nextLook = null;
      const counts = await this.board.counts();
      const moved = [...counts].filter(([topic, count]) => count !== (this.seen.get(topic) ?? 0));
      this.seen = counts;
      for (const [topic] of moved) this.tell(topic);
    });
    return this.nextLook;
  }

  /** Resolves once every send and look asked for so far has ended. */
  settled(): Promise<void> {
    return this.turn;
  }

  private inTurn(step: () => Promise<void>): Promise<void> {
    const next = this.turn.then(step).catch(this.onError);
    this.turn = next;
    return next;
  }

  private tell(topic: string): void {
    for (const listener of this.listeners.get(topic) ?? []) {
      try {
        listener();
      } catch (error) {
        this.onError(error);
      }
    }
  }
}
