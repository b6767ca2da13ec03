import type { TFunction } from 'i18next';
import type { Task } from '@genhub/core/schemas';

type Named = Pick<Task, 'operation' | 'prompt' | 'planKind' | 'title'>;

/** The operation as the user ran it: one image of a batch edit says "Batch edit", not "Edit". */
export function taskOperationName(task: Named, t: TFunction): string {
  return t(`operation.names.${task.planKind === 'batch-edit' ? 'batch-edit' : task.operation}`);
}

/**
 * How a task is named in the gallery and the lightbox: a plan variation by its description, else
 * its prompt, led by the operation for image operations and batch edits.
 */
export function taskCaption(task: Named, t: TFunction): string {
  if (task.title) return task.title;
  if (
    task.planKind !== 'batch-edit' &&
    (task.operation === 'generate' || task.operation === 'edit')
  )
    return task.prompt;
  const name = taskOperationName(task, t);
  return task.prompt ? `${name}: ${task.prompt}` : name;
}
