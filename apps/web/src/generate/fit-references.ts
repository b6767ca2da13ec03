/** What a change of mode did to the references, for the notice that says so. */
export type ReferenceChange =
  { kind: 'set-aside'; kept: number; count: number } | { kind: 'restored'; count: number };

export interface FittedReferences<T> {
  /** The references the mode uses: the first ones, in the order they were chosen. */
  kept: T[];
  /** The rest, kept until a mode takes them again. */
  setAside: T[];
  change: ReferenceChange | null;
}

/**
 * The references that fit a mode taking at most `max`: the current ones first, then those set
 * aside earlier, as many as there is room for; nothing is dropped silently.
 */
export function fitReferences<T extends { id: string }>(
  current: readonly T[],
  earlier: readonly T[],
  max: number,
): FittedReferences<T> {
  const all = [...current, ...earlier.filter((e) => !current.some((c) => c.id === e.id))];
  const kept = all.slice(0, Math.max(0, max));
  const setAside = all.slice(kept.length);
  const leftOut = current.length - Math.min(current.length, kept.length);
  const restored = kept.length - Math.min(current.length, kept.length);
  const change: ReferenceChange | null =
    leftOut > 0
      ? { kind: 'set-aside', kept: kept.length, count: leftOut }
      : restored > 0
        ? { kind: 'restored', count: restored }
        : null;
  return { kept, setAside, change };
}
