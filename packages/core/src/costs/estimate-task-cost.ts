import { unitPrice, type ModelCapabilities, type Operation, type Resolution } from '../schemas';

/**
 * What a task reserves when it is accepted or handed to another model: the model's list
 * price for the operation and size, times the images it is expected to make. Null when the
 * model has no price.
 */
export function estimateTaskCost(
  model: ModelCapabilities,
  operation: Operation,
  resolution: Resolution | null | undefined,
  images: number,
): { amount: number; unit: string } | null {
  const price = unitPrice(model, operation, resolution);
  return price ? { amount: price.amount * images, unit: price.unit } : null;
}
