import type { NoticeBoard } from '@genhub/db';
import type { Notices, NoticeTopic } from './notices';

/**
 * Notices through a board of change counters in the shared database, looked at on every
 * `poll()`: a counter that moved since the last look, and not by this instance, is a notice.
 */
export class PollingNotices implements Notices {
  private readonly listeners = new Map<string, Set<() => void>>();
  private seen = new Map<string, number>();

  constructor(private readonly board: NoticeBoard) {
    this.seen = board.counts();
  }

  send(topic: NoticeTopic): void {
    const count = this.board.bump(topic);
    // Our own change is not news to us; one made in between by another instance would be
    // folded into it, so tell this instance too in that case.
    const before = this.seen.get(topic) ?? 0;
    this.seen.set(topic, count);
    if (count > before + 1) this.tell(topic);
  }

  on(topic: NoticeTopic, listener: () => void): () => void {
    let set = this.listeners.get(topic);
    if (!set) this.listeners.set(topic, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Looks at the board once and tells the listeners of every topic that moved. */
  poll(): void {
    const counts = this.board.counts();
    for (const [topic, count] of counts) {
      if (count !== (this.seen.get(topic) ?? 0)) this.tell(topic);
    }
    this.seen = counts;
  }

  private tell(topic: string): void {
    for (const listener of this.listeners.get(topic) ?? []) listener();
  }
}
