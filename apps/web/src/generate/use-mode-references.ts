import { useState } from 'react';
import type { Asset, Operation } from '@genhub/core/schemas';
import { fitReferences, type ReferenceChange } from './fit-references';

export interface ModeNotice {
  change: ReferenceChange;
  operation: Operation;
  max: number;
  undo: (() => void) | null;
}

/**
 * The form's reference images, and those a mode that takes fewer has set aside: they come back
 * when a mode takes them, and every change of that kind is said in a notice.
 */
export function useModeReferences() {
  const [references, setReferences] = useState<Asset[]>([]);
  const [aside, setAside] = useState<Asset[]>([]);
  const [notice, setNotice] = useState<ModeNotice | null>(null);

  /** Fits the references to a mode taking at most `max`; `undo` goes back to before. */
  const refit = (operation: Operation, max: number, undo: (() => void) | null) => {
    const fitted = fitReferences(references, aside, max);
    setReferences(fitted.kept);
    setAside(fitted.setAside);
    setNotice(fitted.change ? { change: fitted.change, operation, max, undo } : null);
  };
  /** Puts back what `snapshot` saw. */
  const restore = (snapshot: { references: Asset[]; aside: Asset[] }) => {
    setReferences(snapshot.references);
    setAside(snapshot.aside);
    setNotice(null);
  };
  return {
    references,
    aside,
    notice,
    /** The user's own choice: what waits aside stays there. */
    setReferences,
    refit,
    restore,
    dismiss: () => setNotice(null),
  };
}
