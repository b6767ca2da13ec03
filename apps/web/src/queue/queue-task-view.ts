import type { TFunction } from 'i18next';
import type { QueueStatus } from '@genhub/core/schemas';
import { formatAmount, freeUnit } from '../lib/format-cost';

type Running = QueueStatus['running'][number];
type Labelled = Pick<Running, 'operation' | 'prompt' | 'assetIds' | 'inputName'>;

/** How many characters of an asset id tell it apart (its random tail). */
const shortIdLength = 6;

/**
 * A queue row's name: the prompt, or for an operation without one (remove background, enhance,
 * style transfer) the operation and its input image, by its uploaded file name
 * ("Remove background · photo.png"), else by its id ("Remove background · image 7k2q9x").
 */
export function queueTaskLabel(task: Labelled, t: TFunction): string {
  const prompt = task.prompt.trim();
  if (prompt.length > 0) return prompt;
  const name = t(`operation.names.${task.operation}`);
  const input = task.assetIds[0];
  if (input === undefined) return name;
  return t('queue.operationInput', {
    operation: name,
    input: task.inputName ?? t('queue.inputImage', { id: input.slice(-shortIdLength) }),
  });
}

/**
 * A queue row's price: the list price the task was accepted at, which a retry does not change
 * (what was billed so far may be 0 while it retries). Null when the price is unknown.
 */
export function queueTaskPrice(task: Pick<Running, 'cost'>, t: TFunction): string | null {
  const cost = task.cost;
  if (!cost) return null;
  // The local provider.
  if (cost.unit === freeUnit) return t('cost.free');
  if (cost.estimated === null) return null;
  return t('cost.estimated', { amount: formatAmount(cost.estimated, cost.unit) });
}
