import {
  aspectRatios,
  extremeAspectRatios,
  type AspectRatio,
  type ModelCapabilities,
  type OutputFormat,
  type Task,
} from '../../schemas';

const allRatios = aspectRatios;

interface KieModel extends ModelCapabilities {
  input: (task: Task, imageUrls: string[]) => Record<string, unknown>;
}

/** nano-banana(/edit) spell it `jpeg`; pro and 2 spell it `jpg` (providers.md §1.5). */
const jpgSpelling = (format: OutputFormat) => (format === 'jpeg' ? 'jpg' : format);

/** Nano Banana Pro and 2: both modes, a size to choose, references as `image_input`. */
function gemini3(
  id: string,
  label: string,
  maxReferenceImages: number,
  ratios: readonly AspectRatio[],
): KieModel {
  return {
    id,
    label,
    operations: ['generate', 'edit'],
    aspectRatios: [...ratios],
    outputFormats: ['png', 'jpeg'],
    maxImages: 1,
    maxReferenceImages,
    resolutions: ['1K', '2K', '4K'],
    price: null,
    input: (task, imageUrls) => ({
      prompt: task.prompt,
      output_format: jpgSpelling(task.outputFormat),
      aspect_ratio: task.aspectRatio,
      resolution: task.resolution ?? '1K',
      ...(imageUrls.length > 0 ? { image_input: imageUrls } : {}),
    }),
  };
}

export const kieModels: KieModel[] = [
  {
    id: 'google/nano-banana',
    label: 'Nano Banana (KIE.ai)',
    operations: ['generate'],
    aspectRatios: [...allRatios],
    outputFormats: ['png', 'jpeg'],
    maxImages: 1,
    maxReferenceImages: 0,
    resolutions: [],
    price: null,
    input: (task) => ({
      prompt: task.prompt,
      output_format: task.outputFormat,
      aspect_ratio: task.aspectRatio,
    }),
  },
  {
    id: 'google/nano-banana-edit',
    label: 'Nano Banana edit (KIE.ai)',
    operations: ['edit'],
    aspectRatios: [...allRatios],
    outputFormats: ['png', 'jpeg'],
    maxImages: 1,
    maxReferenceImages: 10,
    resolutions: [],
    price: null,
    input: (task, imageUrls) => ({
      prompt: task.prompt,
      output_format: task.outputFormat,
      aspect_ratio: task.aspectRatio,
      image_urls: imageUrls,
    }),
  },
  gemini3('nano-banana-pro', 'Nano Banana Pro (KIE.ai)', 8, allRatios),
  gemini3('nano-banana-2', 'Nano Banana 2 (KIE.ai)', 14, [...allRatios, ...extremeAspectRatios]),
];

/** What clients see: the capabilities without the request builders. */
export const kieCapabilities: ModelCapabilities[] = kieModels.map(
  ({ input: _input, ...capabilities }) => capabilities,
);
