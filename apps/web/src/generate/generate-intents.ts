import { useEffect, useRef } from 'react';
import type { Asset, Task } from '@genhub/core/schemas';

/** What the gallery asks of the generate form. */
export type GenerateIntent =
  { kind: 'reuse'; task: Task; references: Asset[] | null } | { kind: 'reference'; asset: Asset };

/**
 * "Edit this" on a result: the form as an edit of `asset` (the result as a reference, alone) on
 * the provider and model that made it, with an empty prompt for the next instruction.
 */
export function continueChainIntent(task: Task, asset: Asset): GenerateIntent {
  const edit = {
    operation: 'edit',
    prompt: '',
    aspectRatio: 'auto',
    count: 1,
    options: {},
  } as const;
  return { kind: 'reuse', task: { ...task, ...edit }, references: [asset] };
}

const listeners = new Set<(intent: GenerateIntent) => void>();

export function sendGenerateIntent(intent: GenerateIntent): void {
  for (const listener of listeners) listener(intent);
  document.getElementById('generate-heading')?.scrollIntoView({ behavior: 'smooth' });
}

/** The form's side: `handler` gets every intent while mounted. */
export function useGenerateIntents(handler: (intent: GenerateIntent) => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const listener = (intent: GenerateIntent) => latest.current(intent);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
}
