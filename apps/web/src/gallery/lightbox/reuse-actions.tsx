import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Generation, Task } from '@genhub/core/schemas';
import { sendGenerateIntent } from '../../generate/generate-intents';
import { errorMessage } from '../../lib/error-message';
import { useTRPC } from '../../trpc';
import { lightboxButton as nav } from './lightbox-button';

/** What the open result can start: the same settings again, a reference, or the next edit. */
export function ReuseActions({
  task,
  generation,
  onEditThis,
  editing,
  editError,
  close,
}: {
  task: Task;
  generation: Generation;
  onEditThis: () => void;
  editing: boolean;
  editError: unknown;
  close: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const asReference = useMutation(trpc.asset.fromGeneration.mutationOptions());
  const video = generation.durationMs !== null;
  const reuse = async (withReferences: boolean) => {
    const references = withReferences
      ? await queryClient.fetchQuery(trpc.asset.byIds.queryOptions({ ids: task.assetIds }))
      : null;
    sendGenerateIntent({ kind: 'reuse', task, references });
    close();
  };
  const error = asReference.error ?? editError;
  return (
    <section className="flex flex-wrap gap-2">
      {!video && (
        <button
          type="button"
          className={`${nav} border-amber-400 text-amber-200`}
          disabled={editing}
          onClick={onEditThis}
        >
          {t('chain.editThis')}
        </button>
      )}
      <button type="button" className={nav} onClick={() => void reuse(false)}>
        {t('lightbox.reuse')}
      </button>
      {task.assetIds.length > 0 && (
        <button type="button" className={nav} onClick={() => void reuse(true)}>
          {t('lightbox.reuseWithReferences')}
        </button>
      )}
      {!video && (
        <button
          type="button"
          className={nav}
          disabled={asReference.isPending}
          onClick={() =>
            asReference.mutate(
              { generationId: generation.id },
              {
                onSuccess: (asset) => {
                  sendGenerateIntent({ kind: 'reference', asset });
                  close();
                },
              },
            )
          }
        >
          {t('lightbox.useAsReference')}
        </button>
      )}
      {error != null && (
        <p role="alert" className="w-full text-sm text-rose-300">
          {errorMessage(error)}
        </p>
      )}
    </section>
  );
}
