/**
 * Members whose `endTurn()` runs once the current turn of the event loop is over, all from one
 * `setImmediate` (a thousand sockets sending one event cost one callback, not a thousand).
 */
export class TurnBatch<T extends { endTurn(): void }> {
  private readonly members = new Set<T>();

  add(member: T): void {
    if (this.members.size === 0) setImmediate(this.flush);
    this.members.add(member);
  }

  private readonly flush = () => {
    const members = [...this.members];
    this.members.clear();
    for (const member of members) member.endTurn();
  };
}
