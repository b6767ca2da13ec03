import { useState, type ReactNode } from 'react';
import { newToCollection, type DraggedTask } from './drag-payload';
import { DropToast, type DropResult } from './drop-toast';
import { useCollectionActions } from './use-collection-actions';

/**
 * Adds tasks to a collection and confirms it with a toast ("Added 3 images to Trips") whose
 * Undo takes out only what this added.
 */
export function useAddToCollection(): {
  addTo: (collection: { id: string; name: string }, tasks: DraggedTask[]) => void;
  toast: ReactNode;
  error: unknown;
} {
  const { add, takeOut } = useCollectionActions();
  const [added, setAdded] = useState<DropResult | null>(null);
  const addTo = (collection: { id: string; name: string }, tasks: DraggedTask[]) => {
    const fresh = newToCollection(tasks, collection.id);
    add.mutate(
      { collectionId: collection.id, ids: tasks.map((x) => x.id) },
      {
        onSuccess: () =>
          setAdded({ collectionId: collection.id, name: collection.name, added: fresh }),
      },
    );
  };
  const toast = added && (
    <DropToast
      result={added}
      onDismiss={() => setAdded(null)}
      onUndo={() =>
        takeOut.mutate(
          { collectionId: added.collectionId, ids: added.added },
          { onSuccess: () => setAdded(null) },
        )
      }
    />
  );
  return { addTo, toast, error: add.error ?? takeOut.error };
}
