import type { TFunction } from 'i18next';
import type { Task } from '@genhub/core/schemas';

/** How a task is named in the gallery: its prompt, led by the operation for image operations. */
export function taskCaption(task: Task, t: TFunction): string {
  if (task.operation === 'generate' || task.operation === 'edit') return task.prompt;
  const name = t(`operation.names.${task.operation}`);
  return task.prompt ? `${name}: ${task.prompt}` : name;
}
