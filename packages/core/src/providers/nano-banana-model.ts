import { aspectRatios, type ModelCapabilities } from '../schemas';

/**
 * A Nano Banana model as most providers sell it: text to image and edits, every standard
 * aspect ratio, one image a call; each provider states what differs.
 */
export function nanoBananaModel(
  id: string,
  label: string,
  overrides: Partial<ModelCapabilities> = {},
): ModelCapabilities {
  return {
    id,
    label,
    operations: ['generate', 'edit'],
    aspectRatios: [...aspectRatios],
    outputFormats: ['png'],
    maxImages: 1,
    maxReferenceImages: 4,
    resolutions: [],
    price: null,
    ...overrides,
  };
}
