import { setTimeout as sleep } from 'node:timers/promises';
import {
  aspectRatios,
  dimensionsOf,
  nearestAspectRatio,
  pixelSizes,
  type Task,
} from '../../schemas';
import { ProviderError, type ReferenceImage, type SyncAdapter } from '../types';
import { renderPromptImage } from './render-prompt-image';
import { transformReference } from './transform-reference';

export interface LocalAdapterOptions {
  /** Simulated latency before the images are made. */
  delayMs: number;
  /** Share of attempts that fail as `provider_unavailable`, to see retries offline (0–1). */
  failureRate?: number;
  random?: () => number;
}

function outputSize(task: Task, references: ReferenceImage[]) {
  if (task.aspectRatio !== 'auto') return dimensionsOf(task.aspectRatio);
  const first = references[0];
  return pixelSizes[first ? nearestAspectRatio(first.width, first.height) : '1:1'];
}

/** The built-in offline provider: real images made with sharp, no key, no network. */
export function createLocalAdapter(options: LocalAdapterOptions): SyncAdapter {
  return {
    kind: 'sync',
    id: 'local',
    label: 'Local preview engine',
    local: true,
    configured: true,
    hint: null,
    defaultModel: 'local-preview',
    models: [
      {
        id: 'local-preview',
        label: 'Local preview',
        operations: ['generate', 'edit'],
        aspectRatios: [...aspectRatios],
        outputFormats: ['png', 'jpeg', 'webp'],
        maxImages: 4,
        maxReferenceImages: 4,
        resolutions: [],
        price: { amount: 0, unit: 'free' },
      },
    ],
    async generate({ task, references, signal }) {
      if (options.delayMs > 0) await sleep(options.delayMs, undefined, { signal });
      signal.throwIfAborted();
      if ((options.random ?? Math.random)() < (options.failureRate ?? 0)) {
        throw new ProviderError(
          'provider_unavailable',
          'Simulated outage of the local engine (LOCAL_PROVIDER_FAILURE_RATE)',
        );
      }
      const { width, height } = outputSize(task, references);
      const images: Buffer[] = [];
      for (let index = 0; index < task.count; index++) {
        const spec = {
          prompt: task.prompt,
          seed: task.seed,
          index,
          width,
          height,
          format: task.outputFormat,
        };
        const reference = references[index % Math.max(references.length, 1)];
        images.push(
          task.operation === 'edit' && reference
            ? await transformReference(reference.bytes, spec)
            : await renderPromptImage(spec),
        );
        signal.throwIfAborted();
      }
      return { images };
    },
  };
}
