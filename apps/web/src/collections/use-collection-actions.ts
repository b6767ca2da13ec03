import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../trpc';

/**
 * Create, rename, delete, add to and remove from collections; each keeps every collection list
 * on the page (sidebar, filter bar, bulk bar, lightbox) current.
 */
export function useCollectionActions() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = {
    onSuccess: () =>
      void queryClient.invalidateQueries({ queryKey: trpc.collection.list.queryKey() }),
  };
  return {
    create: useMutation(trpc.collection.create.mutationOptions(refresh)),
    rename: useMutation(trpc.collection.rename.mutationOptions(refresh)),
    remove: useMutation(trpc.collection.delete.mutationOptions(refresh)),
    add: useMutation(trpc.collection.add.mutationOptions(refresh)),
    takeOut: useMutation(trpc.collection.remove.mutationOptions(refresh)),
  };
}
