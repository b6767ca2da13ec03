import { setTimeout as sleep } from 'node:timers/promises';
import {
  aspectRatios,
  dimensionsOf,
  nearestAspectRatio,
  operations,
  pixelSizes,
  type Task,
} from '../../schemas';
import { ProviderError, type ReferenceImage, type SyncAdapter } from '../types';
import { enhanceImage } from './enhance-image';
import { removeBackground } from './remove-background';
import { renderPromptImage, type RenderSpec } from './render-prompt-image';
import { transferStyle } from './transfer-style';
import { transformReference } from './transform-reference';

export interface LocalAdapterOptions {
  /** Simulated latency before the images are made. */
  delayMs: number;
  /** Share of attempts that fail as `provider_unavailable`, to see retries offline (0–1). */
  failureRate?: number;
  random?: () => number;
}

function outputSize(task: Task, reference: ReferenceImage | undefined) {
  if (task.aspectRatio !== 'auto') return dimensionsOf(task.aspectRatio);
  return pixelSizes[reference ? nearestAspectRatio(reference.width, reference.height) : '1:1'];
}

function reference(references: ReferenceImage[], index: number): ReferenceImage {
  const found = references[index];
  if (!found) throw new ProviderError('invalid_request', 'A reference image is missing');
  return found;
}

/** Every image of a task, made offline with classical algorithms. */
async function makeImages(task: Task, references: ReferenceImage[], signal: AbortSignal) {
  const spec = (index: number, ref: ReferenceImage | undefined): RenderSpec => ({
    prompt: task.prompt,
    seed: task.seed,
    index,
    ...outputSize(task, ref),
    format: task.outputFormat,
    strength: task.options.strength ?? 0.8,
  });
  switch (task.operation) {
    case 'remove-background':
      return removeBackground(reference(references, 0).bytes, {
        edgeSmooth: task.options.edgeSmooth ?? true,
        returnMask: task.options.returnMask ?? false,
        format: task.outputFormat,
      });
    case 'style-transfer':
      return [
        await transferStyle(reference(references, 0).bytes, reference(references, 1).bytes, {
          strength: task.options.strength ?? 0.8,
          format: task.outputFormat,
        }),
      ];
    case 'enhance':
      return [await enhanceImage(reference(references, 0).bytes, task.options, task.outputFormat)];
    case 'batch-edit':
    case 'edit':
    case 'generate': {
      const images: Buffer[] = [];
      for (let index = 0; index < task.count; index++) {
        const ref =
          task.operation === 'generate' ? undefined : references[index % references.length];
        images.push(
          ref
            ? await transformReference(ref.bytes, spec(index, ref))
            : await renderPromptImage(spec(index, undefined)),
        );
        signal.throwIfAborted();
      }
      return images;
    }
  }
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
        operations: [...operations],
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
      return { images: await makeImages(task, references, signal) };
    },
  };
}
