import { z } from 'zod';
import { aspectRatio, operation, outputFormat, resolution, type Operation } from './task';

export const modelCapabilities = z.object({
  id: z.string(),
  label: z.string(),
  operations: z.array(operation).min(1),
  aspectRatios: z.array(aspectRatio).min(1),
  outputFormats: z.array(outputFormat).min(1),
  maxImages: z.number().int().min(1),
  /** How many reference images an `edit` accepts. */
  maxReferenceImages: z.number().int().min(0),
  /** The sizes it offers; empty when it has one. The first is its default. */
  resolutions: z.array(resolution),
  /**
   * List price of one image in the provider's own unit, or null when unknown; `byOperation`
   * overrides `amount` where an operation costs something else.
   */
  price: z
    .object({
      amount: z.number().nonnegative(),
      unit: z.string(),
      byOperation: z.partialRecord(operation, z.number().nonnegative()).optional(),
    })
    .nullable(),
});
export type ModelCapabilities = z.infer<typeof modelCapabilities>;

export const providerInfo = z.object({
  id: z.string(),
  label: z.string(),
  /** Runs offline on this machine, not through a paid API. */
  local: z.boolean(),
  configured: z.boolean(),
  /** What to set to configure it, when it is not. */
  hint: z.string().nullable(),
  defaultModel: z.string(),
  models: z.array(modelCapabilities),
});
export type ProviderInfo = z.infer<typeof providerInfo>;

/** The list price of one image of `operation` on `model`, or null when unknown. */
export function unitPrice(
  model: ModelCapabilities,
  op: Operation,
): { amount: number; unit: string } | null {
  if (!model.price) return null;
  return { amount: model.price.byOperation?.[op] ?? model.price.amount, unit: model.price.unit };
}
