import { selectOwnerHead, selectPendingOwner, type DataSource, type Unit } from '@genhub/db';

/** Where an owner stands with a provider. */
export interface OwnerStanding {
  /** Its tasks running on the provider now. */
  running: number;
  /** When the provider last started one of its tasks (a serial, 0 for never). */
  lastServed: number;
}

interface Candidate extends OwnerStanding {
  id: string;
  owner: string;
}

const before = (a: Candidate, b: Candidate): boolean =>
  (a.running - b.running || a.lastServed - b.lastServed || (a.id < b.id ? -1 : 1)) < 0;

/**
 * The task a provider with a free slot starts next, fair between owners: it comes from the
 * owner with the fewest tasks running on the provider, then the one served least recently,
 * then the one whose next task is oldest. Within an owner, highest priority then oldest.
 * Priority never crosses owners: it orders one's own queue, it does not jump a colleague's.
 * Owners are listed one index seek at a time, and each one's next task read from the front of
 * its own slice of the queue, so one owner's thousands of waiting tasks are never read.
 */
export function* pickNextTask(
  data: DataSource,
  provider: string,
  now: number,
  standing: (owner: string) => OwnerStanding,
  /** Tasks a claim found taken meanwhile: passed over. */
  skip: readonly string[] = [],
): Unit<{ id: string; owner: string } | undefined> {
  let best: Candidate | undefined;
  for (
    let owner = yield* selectPendingOwner(data, provider, null);
    owner !== null;
    owner = yield* selectPendingOwner(data, provider, owner)
  ) {
    const id = yield* selectOwnerHead(data, { provider, owner, now, skip });
    if (id === undefined) continue;
    const candidate = { id, owner, ...standing(owner) };
    if (!best || before(candidate, best)) best = candidate;
  }
  return best && { id: best.id, owner: best.owner };
}
