import type { Task } from '@genhub/core/schemas';
import type { Shown } from './inline-images';
import type { ImageOutput, TaskSummary } from './output-schemas';

/** A URL genhub answered (`/files/…`) under the public URL, its path prefix kept. */
export const absoluteUrl = (publicUrl: string, url: string): string =>
  /^[a-z][a-z\d+.-]*:/i.test(url)
    ? url
    : new URL(url.replace(/^\/+/, ''), publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`).href;

export const summarizeTask = (task: Task): TaskSummary => ({
  id: task.id,
  status: task.status,
  operation: task.operation,
  prompt: task.prompt,
  provider: task.provider,
  model: task.model,
  aspectRatio: task.aspectRatio,
  count: task.count,
  assetIds: task.assetIds,
  error: task.error,
  cost: task.cost,
  warnings: task.warnings,
  planId: task.planId,
  createdAt: task.createdAt,
  finishedAt: task.finishedAt,
});

/** A task's results, with the absolute URLs the answer reports. */
export const resultsOf = (task: Task, publicUrl: string): Shown[] =>
  task.generations.map((generation) => ({
    generation,
    output: {
      ...generation,
      taskId: task.id,
      url: absoluteUrl(publicUrl, generation.url),
      thumbUrl: absoluteUrl(publicUrl, generation.thumbUrl),
    },
  }));

const cost = (task: Task) => {
  const amount = task.cost?.actual ?? task.cost?.estimated;
  return amount == null || !task.cost ? '' : `, cost ${amount} ${task.cost.unit}`;
};

/** One line about a task, for the model to read. */
export function describeTask(task: Task): string {
  const made = task.generations.length;
  const result =
    task.status === 'completed'
      ? `${made} ${made === 1 ? 'result' : 'results'}`
      : task.status === 'failed' && task.error
        ? `${task.error.message} (${task.error.code})`
        : '';
  return (
    `Task ${task.id} ${task.status}${result ? `: ${result}` : ''} ` +
    `[${task.operation}, ${task.provider}/${task.model}, ${task.aspectRatio}${cost(task)}] ` +
    `prompt: ${JSON.stringify(task.prompt)}`
  );
}

/** The images' links as lines. */
export const describeImages = (images: ImageOutput[]): string[] =>
  images.map(
    (image, i) =>
      `${i + 1}. ${image.url} (${image.width}×${image.height} ${image.mime}, id ${image.id})`,
  );
