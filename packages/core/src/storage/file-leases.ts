/**
 * The one owner of "is this stored file in use": content-addressed files (by SHA-256) that
 * work in progress has stored but not yet committed a row for. Whoever deletes files (a
 * failed run's clean-up, the trash, the retention sweep) does it through `discard`, and a
 * writer `hold`s the bytes before it writes them, so neither can undo the other:
 *
 * - a hold taken before a discard looks makes the discard keep the file;
 * - a hold taken while a discard reads the rows or deletes waits for it to finish, so the
 *   write that follows it is not lost.
 *
 * A discard checks the holds and marks the bytes as being deleted within one turn of the event
 * loop, so no hold falls between them. One process, one registry: it lives in the CoreContext.
 */
export class FileLeases {
  private readonly held = new Map<string, number>();
  private readonly deleting = new Map<string, Promise<void>>();

  /** Marks the bytes in use; resolves once no delete of them is under way. */
  async hold(sha256: string): Promise<void> {
    this.held.set(sha256, (this.held.get(sha256) ?? 0) + 1);
    await this.deleting.get(sha256);
  }

  /** Ends one hold, once the row that references the file has committed (or the work failed). */
  release(sha256: string): void {
    const left = (this.held.get(sha256) ?? 1) - 1;
    if (left <= 0) this.held.delete(sha256);
    else this.held.set(sha256, left);
  }

  isHeld(sha256: string): boolean {
    return this.held.has(sha256);
  }

  /**
   * Runs `remove` unless the bytes are held or `referenced()` says a committed row still
   * points at them. Returns whether it removed them. The bytes count as being deleted from
   * before `referenced()` is asked until `remove` ends: a hold taken while the rows are read
   * (on a database that answers later) waits for the decision, so a write that commits its
   * row after the read is never deleted under it.
   */
  async discard(
    sha256: string,
    referenced: () => boolean | Promise<boolean>,
    remove: () => Promise<void>,
  ): Promise<boolean> {
    const earlier = this.deleting.get(sha256);
    if (earlier) await earlier;
    if (this.held.has(sha256) || this.deleting.has(sha256)) return false;
    let settle = () => undefined as void;
    // What waits on a delete (a hold) must not fail with it; the deleter sees the error.
    const settled = new Promise<void>((resolve) => (settle = resolve));
    this.deleting.set(sha256, settled);
    try {
      if (await referenced()) return false;
      await remove();
      return true;
    } finally {
      if (this.deleting.get(sha256) === settled) this.deleting.delete(sha256);
      settle();
    }
  }
}
