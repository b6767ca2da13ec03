import {
  aspectRatios,
  extremeAspectRatios,
  type AspectRatio,
  type ModelCapabilities,
  type Resolution,
  type SafetyLevel,
  type Task,
} from '../schemas';
import { nanoBananaModel } from './nano-banana-model';

/** A Nano Banana model as a hosting vendor (fal.ai, Replicate) lists it. */
export interface NanoBananaSpec {
  id: string;
  label: string;
  aspectRatios: readonly AspectRatio[];
  /** The first is the default the task is given. */
  resolutions: readonly Resolution[];
  maxReferenceImages: number;
}

/** A hosted model: what clients may ask of it, and the input its vendor takes. */
export interface HostedModel {
  capabilities: ModelCapabilities;
  input(task: Task, imageUrls: string[]): Record<string, unknown>;
}

type FamilyMember = 'nano-banana-2' | 'nano-banana-pro' | 'nano-banana';

/**
 * The Nano Banana family as a vendor hosts it under `idPrefix`, the recommended one first,
 * with what that vendor says of each model (its sizes at least) in `own`.
 */
export function nanoBananaFamily<Own extends Pick<NanoBananaSpec, 'resolutions'>>(
  idPrefix: string,
  vendor: string,
  own: Record<FamilyMember, Own>,
): (NanoBananaSpec & Own)[] {
  const member = (
    id: FamilyMember,
    name: string,
    ratios: readonly AspectRatio[],
    refs: number,
  ) => ({
    id: `${idPrefix}${id}`,
    label: `${name} (${vendor})`,
    aspectRatios: ratios,
    maxReferenceImages: refs,
    ...own[id],
  });
  return [
    member('nano-banana-2', 'Nano Banana 2', [...aspectRatios, ...extremeAspectRatios], 14),
    member('nano-banana-pro', 'Nano Banana Pro', aspectRatios, 14),
    member('nano-banana', 'Nano Banana', aspectRatios, 10),
  ];
}

/** What clients may ask of a hosted Nano Banana model, given what its vendor returns a call. */
export function hostedNanoBanana(
  spec: NanoBananaSpec,
  perCall: Pick<ModelCapabilities, 'outputFormats' | 'maxImages'>,
): ModelCapabilities {
  return nanoBananaModel(spec.id, spec.label, {
    aspectRatios: [...spec.aspectRatios],
    resolutions: [...spec.resolutions],
    maxReferenceImages: spec.maxReferenceImages,
    ...perCall,
  });
}

/** `resolution`, sent only to a model that has sizes, for a task that names one. */
export const resolutionInput = (spec: NanoBananaSpec, task: Task): { resolution?: Resolution } =>
  spec.resolutions.length > 0 && task.resolution ? { resolution: task.resolution } : {};

/** `field` set to the task's safety level as its vendor spells it; left out without one. */
export const safetyInput = (
  task: Task,
  field: string,
  spelling: Record<SafetyLevel, string>,
): Record<string, string> => (task.safety ? { [field]: spelling[task.safety] } : {});
