import {
  aspectRatios,
  extremeAspectRatios,
  type AspectRatio,
  type ModelCapabilities,
  type Resolution,
  type SafetyLevel,
  type Task,
} from '../../schemas';

/** A fal.ai model: what clients may ask of it, and the body its queue endpoint takes. */
export interface FalModel {
  capabilities: ModelCapabilities;
  /** The queue endpoint of an operation: text to image at the id, edits at `<id>/edit`. */
  endpoint(task: Task): string;
  input(task: Task, imageUrls: string[]): Record<string, unknown>;
}

/** fal's scale runs from "1" (strictest) to "6" (most permissive); its default is "4". */
const safetyTolerance: Record<SafetyLevel, '1' | '4' | '6'> = {
  strict: '1',
  balanced: '4',
  permissive: '6',
};

interface FalSpec {
  id: string;
  label: string;
  aspectRatios: readonly AspectRatio[];
  /** The first is the default the task is given. */
  resolutions: readonly Resolution[];
  maxReferenceImages: number;
  /**
   * Whether text to image takes `aspect_ratio: "auto"` (every `/edit` endpoint does). Where it
   * does not, genhub's `auto` leaves the field out and the endpoint's own default applies.
   */
  autoOnTextToImage: boolean;
}

function falModel(spec: FalSpec): FalModel {
  return {
    capabilities: {
      id: spec.id,
      label: spec.label,
      operations: ['generate', 'edit'],
      aspectRatios: [...spec.aspectRatios],
      outputFormats: ['png', 'jpeg', 'webp'],
      maxImages: 4,
      maxReferenceImages: spec.maxReferenceImages,
      resolutions: [...spec.resolutions],
      price: null,
    },
    endpoint: (task) => (task.operation === 'edit' ? `${spec.id}/edit` : spec.id),
    input(task, imageUrls) {
      const edit = task.operation === 'edit';
      const omitRatio = task.aspectRatio === 'auto' && !edit && !spec.autoOnTextToImage;
      return {
        prompt: task.prompt,
        num_images: task.count,
        seed: task.seed,
        output_format: task.outputFormat,
        ...(omitRatio ? {} : { aspect_ratio: task.aspectRatio }),
        ...(spec.resolutions.length > 0 && task.resolution ? { resolution: task.resolution } : {}),
        ...(task.safety ? { safety_tolerance: safetyTolerance[task.safety] } : {}),
        ...(edit ? { image_urls: imageUrls } : {}),
      };
    },
  };
}

/** The nano-banana family on fal.ai, the recommended one first. */
export const falModelList: FalModel[] = [
  falModel({
    id: 'fal-ai/nano-banana-2',
    label: 'Nano Banana 2 (fal.ai)',
    aspectRatios: [...aspectRatios, ...extremeAspectRatios],
    resolutions: ['1K', '0.5K', '2K', '4K'],
    maxReferenceImages: 14,
    autoOnTextToImage: true,
  }),
  falModel({
    id: 'fal-ai/nano-banana-pro',
    label: 'Nano Banana Pro (fal.ai)',
    aspectRatios,
    resolutions: ['1K', '2K', '4K'],
    maxReferenceImages: 14,
    autoOnTextToImage: false,
  }),
  falModel({
    id: 'fal-ai/nano-banana',
    label: 'Nano Banana (fal.ai)',
    aspectRatios,
    resolutions: [],
    maxReferenceImages: 10,
    autoOnTextToImage: false,
  }),
];

export const defaultFalModel = 'fal-ai/nano-banana-2';

/** What clients see. */
export const falModels: ModelCapabilities[] = falModelList.map((m) => m.capabilities);
