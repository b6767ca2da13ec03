import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { continueChainIntent, sendGenerateIntent } from '../../generate/generate-intents';
import { useTRPC } from '../../trpc';

/**
 * "Edit this": the result becomes a reference image and the form switches to an edit of it, on
 * the model that made it, so the new task continues the chain (and, on Gemini, its conversation).
 */
export function useEditThis(onSent: () => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const fromGeneration = useMutation(trpc.asset.fromGeneration.mutationOptions());
  const [error, setError] = useState<unknown>(null);
  const editThis = (taskId: string, generationId: string) => {
    setError(null);
    Promise.all([
      queryClient.fetchQuery(trpc.task.get.queryOptions({ id: taskId })),
      fromGeneration.mutateAsync({ generationId }),
    ]).then(([task, asset]) => {
      sendGenerateIntent(continueChainIntent(task, asset));
      onSent();
    }, setError);
  };
  return { editThis, pending: fromGeneration.isPending, error };
}
