import type { ModelCapabilities, Task } from '../../schemas';
import {
  hostedNanoBanana,
  nanoBananaFamily,
  resolutionInput,
  safetyInput,
  type HostedModel,
  type NanoBananaSpec,
} from '../hosted-nano-banana';

/** A fal.ai model: what clients may ask of it, and the body its queue endpoint takes. */
export interface FalModel extends HostedModel {
  /** The queue endpoint of an operation: text to image at the id, edits at `<id>/edit`. */
  endpoint(task: Task): string;
}

interface FalSpec extends NanoBananaSpec {
  /**
   * Whether text to image takes `aspect_ratio: "auto"` (every `/edit` endpoint does). Where it
   * does not, genhub's `auto` leaves the field out and the endpoint's own default applies.
   */
  autoOnTextToImage: boolean;
}

function falModel(spec: FalSpec): FalModel {
  return {
    capabilities: hostedNanoBanana(spec, { outputFormats: ['png', 'jpeg', 'webp'], maxImages: 4 }),
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
        ...resolutionInput(spec, task),
        // fal's scale runs from "1" (strictest) to "6" (most permissive); its default is "4".
        ...safetyInput(task, 'safety_tolerance', { strict: '1', balanced: '4', permissive: '6' }),
        ...(edit ? { image_urls: imageUrls } : {}),
      };
    },
  };
}

/** The nano-banana family on fal.ai, the recommended one first. */
export const falModelList: FalModel[] = nanoBananaFamily('fal-ai/', 'fal.ai', {
  'nano-banana-2': { resolutions: ['1K', '0.5K', '2K', '4K'], autoOnTextToImage: true },
  'nano-banana-pro': { resolutions: ['1K', '2K', '4K'], autoOnTextToImage: false },
  'nano-banana': { resolutions: [], autoOnTextToImage: false },
}).map(falModel);

export const defaultFalModel = 'fal-ai/nano-banana-2';

/** What clients see. */
export const falModels: ModelCapabilities[] = falModelList.map((m) => m.capabilities);
