import { z } from 'zod';
import {
  aspectRatio,
  operation,
  outputFormat,
  resolution,
  videoModes,
  type Operation,
  type Resolution,
} from './task';

export const modelStatuses = ['current', 'deprecated', 'retired'] as const;
export const modelStatus = z.enum(modelStatuses);
export type ModelStatus = z.infer<typeof modelStatus>;

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
  /** The image-to-video modes a video model takes; absent means frames only. */
  videoModes: z.array(z.enum(videoModes)).optional(),
  /**
   * List price of one image in the provider's own unit, or null when unknown; `byOperation`
   * overrides `amount` where an operation costs something else.
   */
  price: z
    .object({
      amount: z.number().nonnegative(),
      unit: z.string(),
      byOperation: z.partialRecord(operation, z.number().nonnegative()).optional(),
      /** What a size costs where it differs (Veo's 1080p and 4K clips); beats `byOperation`. */
      byResolution: z.partialRecord(resolution, z.number().nonnegative()).optional(),
    })
    .nullable(),
  /** Where the vendor is with it; absent means current. */
  status: modelStatus.nullish(),
  /** The day it stops (or stopped) answering, `YYYY-MM-DD`; null when none is announced. */
  retiresOn: z.iso.date().nullish(),
  /** The offered model to move to when it is deprecated or retired. */
  replacement: z.string().min(1).nullish(),
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

/** The list price of one image (or clip) of `operation` on `model`, or null when unknown. */
export function unitPrice(
  model: ModelCapabilities,
  op: Operation,
  size?: Resolution | null,
): { amount: number; unit: string } | null {
  if (!model.price) return null;
  const bySize = size ? model.price.byResolution?.[size] : undefined;
  return {
    amount: bySize ?? model.price.byOperation?.[op] ?? model.price.amount,
    unit: model.price.unit,
  };
}

// Browser-safe: the SPA marks models by the same rule the server refuses them by.
export {
  modelLifecycleNotice,
  retirementNoticeDays,
  type ModelLifecycleNotice,
} from '../providers/catalogue/model-lifecycle-notice';

/** A provider key or secret as an admin sees it: where it comes from, never its value. */
export const providerKeyView = z.object({
  /** The environment variable it stands in for, e.g. `KIE_API_KEY`. */
  name: z.string(),
  /** The provider it configures, e.g. `kie`. */
  provider: z.string(),
  label: z.string(),
  /** An environment variable wins over a stored value; null: neither is set. */
  source: z.enum(['env', 'settings']).nullable(),
  last4: z.string().nullable(),
  updatedAt: z.number().nullable(),
  /** Why a stored value is not used (it cannot be decrypted), or null. */
  error: z.string().nullable(),
});
export type ProviderKeyView = z.infer<typeof providerKeyView>;
