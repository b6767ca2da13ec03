import type { queueStatements } from './queue-statements';

type ClaimStatements = Pick<
  ReturnType<typeof queueStatements>,
  'firstOwner' | 'nextOwner' | 'ownerHead'
>;

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
 */
export function pickNextTask(
  statements: ClaimStatements,
  provider: string,
  now: number,
  standing: (owner: string) => OwnerStanding,
): { id: string; owner: string } | undefined {
  let best: Candidate | undefined;
  for (
    let owner = statements.firstOwner.get({ provider })?.owner ?? null;
    owner !== null;
    owner = statements.nextOwner.get({ provider, after: owner })?.owner ?? null
  ) {
    const head = statements.ownerHead.get({ provider, owner, now });
    if (!head) continue;
    const candidate = { id: head.id, owner, ...standing(owner) };
    if (!best || before(candidate, best)) best = candidate;
  }
  return best && { id: best.id, owner: best.owner };
}
