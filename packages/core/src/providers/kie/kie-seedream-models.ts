import type { AspectRatio, Operation, Resolution, Task } from '../../schemas';
import { ProviderError } from '../types';
import { megabytes, nsfwChecker, type KieMarketModel } from './kie-market-model';

/** Seedream 4.0 names its shapes; the portrait ones read landscape-first (portrait_4_3 is 3:4). */
const v4ImageSizes = new Map<AspectRatio, string>([
  ['1:1', 'square_hd'],
  ['4:3', 'landscape_4_3'],
  ['3:4', 'portrait_4_3'],
  ['3:2', 'landscape_3_2'],
  ['2:3', 'portrait_3_2'],
  ['16:9', 'landscape_16_9'],
  ['9:16', 'portrait_16_9'],
  ['21:9', 'landscape_21_9'],
]);

/** Seedream 4.5 offers its two qualities as sizes: basic is 2K, high is 4K. */
const v45Qualities = new Map<Resolution, string>([
  ['2K', 'basic'],
  ['4K', 'high'],
]);

/** Both versions take these shapes (4.5 by name); 5:4, 4:5, auto and the extremes they cannot. */
const seedreamRatios = [...v4ImageSizes.keys()];

function lookUp<K, V>(table: Map<K, V>, key: K, what: string): V {
  const value = table.get(key);
  if (value === undefined)
    throw new ProviderError('invalid_request', `Seedream does not offer ${what}`);
  return value;
}

/** The task's shape as 4.0 names it; refused when Seedream has no such shape. */
const shape = (task: Task) =>
  lookUp(v4ImageSizes, task.aspectRatio, `aspect ratio ${task.aspectRatio}`);

/** The task's aspect ratio as 4.5 takes it, refused the same way. */
function ratio(task: Task): AspectRatio {
  shape(task);
  return task.aspectRatio;
}

const v4Input = (task: Task) => ({
  prompt: task.prompt,
  image_size: shape(task),
  image_resolution: task.resolution ?? '1K',
  max_images: task.count,
  seed: task.seed,
  ...nsfwChecker(task),
});

// 4.5 requires both aspect_ratio and quality, whatever its page shows as defaults.
const v45Input = (task: Task) => ({
  prompt: task.prompt,
  aspect_ratio: ratio(task),
  quality: lookUp(v45Qualities, task.resolution ?? '2K', `size ${task.resolution}`),
  ...nsfwChecker(task),
});

function seedream(
  id: string,
  label: string,
  operation: Operation,
  v4: boolean,
  maxReferenceImages: number,
): KieMarketModel {
  return {
    capabilities: {
      id,
      label,
      operations: [operation],
      aspectRatios: [...seedreamRatios],
      // It has no format to choose; the file is stored as it comes.
      outputFormats: ['png'],
      maxImages: v4 ? 6 : 1,
      maxReferenceImages,
      resolutions: v4 ? ['1K', '2K', '4K'] : [...v45Qualities.keys()],
      price: null,
    },
    maxPromptLength: v4 ? 5000 : 3000,
    maxReferenceBytes: megabytes(10),
    ...(maxReferenceImages > 0 ? { referenceField: 'image_urls' as const } : {}),
    input: v4 ? v4Input : v45Input,
  };
}

/** ByteDance's Seedream on KIE: 4.0 (several images a task, a seed) and 4.5 (one, 2K or 4K). */
export const kieSeedreamModels: KieMarketModel[] = [
  seedream('bytedance/seedream-v4-text-to-image', 'Seedream 4.0 (KIE.ai)', 'generate', true, 0),
  seedream('bytedance/seedream-v4-edit', 'Seedream 4.0 edit (KIE.ai)', 'edit', true, 10),
  seedream('seedream/4.5-text-to-image', 'Seedream 4.5 (KIE.ai)', 'generate', false, 0),
  seedream('seedream/4.5-edit', 'Seedream 4.5 edit (KIE.ai)', 'edit', false, 14),
];
