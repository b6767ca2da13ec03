import type { ModelCapabilities, SafetyLevel } from '../../schemas';
import {
  hostedNanoBanana,
  nanoBananaFamily,
  resolutionInput,
  safetyInput,
  type HostedModel,
  type NanoBananaSpec,
} from '../hosted-nano-banana';

/** A Replicate model: what clients may ask of it, and its prediction input. */
export type ReplicateModel = HostedModel;

const safetyFilterLevel: Record<SafetyLevel, string> = {
  strict: 'block_low_and_above',
  balanced: 'block_medium_and_above',
  permissive: 'block_only_high',
};

interface ReplicateSpec extends NanoBananaSpec {
  /** Only Nano Banana Pro takes `safety_filter_level`. */
  safetyFilter: boolean;
}

function replicateModel(spec: ReplicateSpec): ReplicateModel {
  return {
    // One URI comes back a prediction; it spells JPEG `jpg`.
    capabilities: hostedNanoBanana(spec, { outputFormats: ['png', 'jpeg'], maxImages: 1 }),
    input: (task, imageUrls) => ({
      prompt: task.prompt,
      output_format: task.outputFormat === 'jpeg' ? 'jpg' : task.outputFormat,
      aspect_ratio: task.aspectRatio === 'auto' ? 'match_input_image' : task.aspectRatio,
      ...resolutionInput(spec, task),
      ...(spec.safetyFilter ? safetyInput(task, 'safety_filter_level', safetyFilterLevel) : {}),
      ...(imageUrls.length > 0 ? { image_input: imageUrls } : {}),
    }),
  };
}

/** Google's Nano Banana family on Replicate, the recommended one first. */
export const replicateModelList: ReplicateModel[] = nanoBananaFamily('google/', 'Replicate', {
  'nano-banana-2': { resolutions: ['1K', '2K', '4K'], safetyFilter: false },
  'nano-banana-pro': { resolutions: ['2K', '1K', '4K'], safetyFilter: true },
  'nano-banana': { resolutions: [], safetyFilter: false },
}).map(replicateModel);

export const defaultReplicateModel = 'google/nano-banana-2';

/** What clients see. */
export const replicateModels: ModelCapabilities[] = replicateModelList.map((m) => m.capabilities);
