import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import type { Task } from '@genhub/core/schemas';
import { useTRPC } from '../../trpc';
import { Lightbox } from '../lightbox';
import { useLightboxUrl } from './use-lightbox-url';

/**
 * The gallery's lightbox with its URL: `open` opens an image, `element` renders it. A task
 * named by the URL but not in the loaded list (a shared link, an old task) is fetched by id.
 */
export function useLightbox(tasks: readonly Task[], onDeleted: (ids: string[]) => void) {
  const trpc = useTRPC();
  const { open, openAt, replace, close } = useLightboxUrl();
  const remove = useMutation(trpc.generation.delete.mutationOptions());
  const listed = open ? tasks.find((task) => task.id === open.taskId) : undefined;
  const fetched = useQuery({
    ...trpc.task.get.queryOptions({ id: open?.taskId ?? '' }),
    enabled: open !== null && listed === undefined,
    retry: false,
  });
  const task = listed ?? (open && fetched.data?.id === open.taskId ? fetched.data : undefined);
  const missing =
    fetched.isError || (task !== undefined && open !== null && !task.generations[open.index]);
  useEffect(() => {
    if (missing) replace(null);
  }, [missing, replace]);

  // Every image in the list, in order; a task outside the list steps through its own images.
  const images = useMemo(
    () => tasks.flatMap((t) => t.generations.map((_, index) => ({ taskId: t.id, index }))),
    [tasks],
  );
  const step = (delta: -1 | 1) => {
    if (!open || !task) return;
    if (!listed) {
      const count = task.generations.length;
      replace({ taskId: task.id, index: (open.index + delta + count) % count });
      return;
    }
    const at = images.findIndex((i) => i.taskId === open.taskId && i.index === open.index);
    const next = images[(at + delta + images.length) % images.length];
    if (next) replace(next);
  };

  const element =
    open && task && !missing ? (
      <Lightbox
        item={{ task, index: open.index }}
        onClose={close}
        onStep={step}
        onOpen={(taskId) => replace({ taskId, index: 0 })}
        onDelete={() => {
          const ids = [task.id];
          remove.mutate(
            { ids },
            {
              onSuccess: () => {
                onDeleted(ids);
                close();
              },
            },
          );
        }}
        deleting={remove.isPending}
        deleteError={remove.error}
      />
    ) : null;
  return { open: (taskId: string, index: number) => openAt({ taskId, index }), element };
}
