/**
 * When each provider last started a task of each owner, as a serial, so that owners with as
 * many tasks running take turns. Kept in memory: after a restart every owner starts even.
 */
export class OwnerTurns {
  private serial = 0;
  private readonly last = new Map<string, Map<string, number>>();

  served(provider: string, owner: string): void {
    let owners = this.last.get(provider);
    if (!owners) this.last.set(provider, (owners = new Map<string, number>()));
    owners.set(owner, ++this.serial);
  }

  /** 0 when the provider never started one of this owner's tasks. */
  lastServed(provider: string, owner: string): number {
    return this.last.get(provider)?.get(owner) ?? 0;
  }
}
