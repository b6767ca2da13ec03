import {
  aspectRatios,
  extremeAspectRatios,
  type AspectRatio,
  type Operation,
  type OutputFormat,
} from '../../schemas';
import { megabytes, nsfwChecker, type KieMarketModel } from './kie-market-model';

/** Gemini 2.5 Flash Image: `output_format` png|jpeg, references as `image_urls`. */
function flash25(
  id: string,
  label: string,
  operations: Operation[],
  maxReferenceImages: number,
  safety: boolean,
): KieMarketModel {
  return {
    capabilities: {
      id,
      label,
      operations,
      aspectRatios: [...aspectRatios],
      outputFormats: ['png', 'jpeg'],
      maxImages: 1,
      maxReferenceImages,
      resolutions: [],
      price: null,
    },
    maxPromptLength: 5000,
    maxReferenceBytes: megabytes(10),
    ...(maxReferenceImages > 0 ? { referenceField: 'image_urls' as const } : {}),
    input: (task) => ({
      prompt: task.prompt,
      output_format: task.outputFormat,
      aspect_ratio: task.aspectRatio,
      ...(safety ? nsfwChecker(task) : {}),
    }),
  };
}

/** Pro and 2 spell it `jpg`, where the 2.5 models say `jpeg`. */
const jpgSpelling = (format: OutputFormat) => (format === 'jpeg' ? 'jpg' : format);

/** Nano Banana Pro and 2: both modes, three sizes, references as `image_input`. */
function gemini3(
  id: string,
  label: string,
  limits: { prompt: number; references: number },
  ratios: readonly AspectRatio[],
): KieMarketModel {
  return {
    capabilities: {
      id,
      label,
      operations: ['generate', 'edit'],
      aspectRatios: [...ratios],
      outputFormats: ['png', 'jpeg'],
      maxImages: 1,
      maxReferenceImages: limits.references,
      resolutions: ['1K', '2K', '4K'],
      price: null,
    },
    maxPromptLength: limits.prompt,
    maxReferenceBytes: megabytes(30),
    referenceField: 'image_input',
    input: (task) => ({
      prompt: task.prompt,
      output_format: jpgSpelling(task.outputFormat),
      aspect_ratio: task.aspectRatio,
      resolution: task.resolution ?? '1K',
    }),
  };
}

/** Google's image models on KIE (their ids as KIE spells them: pro and 2 have no `google/`). */
export const kieNanoBananaModels: KieMarketModel[] = [
  // Only the text-to-image page documents `nsfw_checker`.
  flash25('google/nano-banana', 'Nano Banana (KIE.ai)', ['generate'], 0, true),
  flash25('google/nano-banana-edit', 'Nano Banana edit (KIE.ai)', ['edit'], 10, false),
  gemini3(
    'nano-banana-pro',
    'Nano Banana Pro (KIE.ai)',
    { prompt: 10_000, references: 8 },
    aspectRatios,
  ),
  gemini3('nano-banana-2', 'Nano Banana 2 (KIE.ai)', { prompt: 20_000, references: 14 }, [
    ...aspectRatios,
    ...extremeAspectRatios,
  ]),
];
