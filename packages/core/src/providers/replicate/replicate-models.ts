import {
  aspectRatios,
  extremeAspectRatios,
  type AspectRatio,
  type ModelCapabilities,
  type Resolution,
  type SafetyLevel,
  type Task,
} from '../../schemas';

/** A Replicate model: what clients may ask of it, and its prediction input. */
export interface ReplicateModel {
  capabilities: ModelCapabilities;
  input(task: Task, imageUrls: string[]): Record<string, unknown>;
}

const safetyFilterLevel: Record<SafetyLevel, string> = {
  strict: 'block_low_and_above',
  balanced: 'block_medium_and_above',
  permissive: 'block_only_high',
};

interface ReplicateSpec {
  id: string;
  label: string;
  aspectRatios: readonly AspectRatio[];
  /** The first is the default the task is given. */
  resolutions: readonly Resolution[];
  maxReferenceImages: number;
  /** Only Nano Banana Pro takes `safety_filter_level`. */
  safetyFilter: boolean;
}

function replicateModel(spec: ReplicateSpec): ReplicateModel {
  return {
    capabilities: {
      id: spec.id,
      label: spec.label,
      operations: ['generate', 'edit'],
      aspectRatios: [...spec.aspectRatios],
      // One URI comes back a prediction; it spells JPEG `jpg`.
      outputFormats: ['png', 'jpeg'],
      maxImages: 1,
      maxReferenceImages: spec.maxReferenceImages,
      resolutions: [...spec.resolutions],
      price: null,
    },
    input: (task, imageUrls) => ({
      prompt: task.prompt,
      output_format: task.outputFormat === 'jpeg' ? 'jpg' : task.outputFormat,
      aspect_ratio: task.aspectRatio === 'auto' ? 'match_input_image' : task.aspectRatio,
      ...(spec.resolutions.length > 0 && task.resolution ? { resolution: task.resolution } : {}),
      ...(spec.safetyFilter && task.safety
        ? { safety_filter_level: safetyFilterLevel[task.safety] }
        : {}),
      ...(imageUrls.length > 0 ? { image_input: imageUrls } : {}),
    }),
  };
}

/** Google's Nano Banana family on Replicate, the recommended one first. */
export const replicateModelList: ReplicateModel[] = [
  replicateModel({
    id: 'google/nano-banana-2',
    label: 'Nano Banana 2 (Replicate)',
    aspectRatios: [...aspectRatios, ...extremeAspectRatios],
    resolutions: ['1K', '2K', '4K'],
    maxReferenceImages: 14,
    safetyFilter: false,
  }),
  replicateModel({
    id: 'google/nano-banana-pro',
    label: 'Nano Banana Pro (Replicate)',
    aspectRatios,
    resolutions: ['2K', '1K', '4K'],
    maxReferenceImages: 14,
    safetyFilter: true,
  }),
  replicateModel({
    id: 'google/nano-banana',
    label: 'Nano Banana (Replicate)',
    aspectRatios,
    resolutions: [],
    maxReferenceImages: 10,
    safetyFilter: false,
  }),
];

export const defaultReplicateModel = 'google/nano-banana-2';

/** What clients see. */
export const replicateModels: ModelCapabilities[] = replicateModelList.map((m) => m.capabilities);
