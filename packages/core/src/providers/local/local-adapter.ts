import { setTimeout as sleep } from 'node:timers/promises';
import {
  aspectRatios,
  dimensionsOf,
  isVideoOperation,
  nearestAspectRatio,
  operations,
  pixelSizes,
  type Task,
} from '../../schemas';
import { defaultMaxImagePixels } from '../../ingest/check-pixel-count';
import { ProviderError, type ReferenceImage, type SyncAdapter } from '../types';
import { enhanceImage } from './enhance-image';
import { makeVideo } from './make-video';
import { runPixelTask } from './pixel-workers';
import { renderPromptImage, type RenderSpec } from './render-prompt-image';
import { transformReference } from './transform-reference';

export interface LocalAdapterOptions {
  /** Simulated latency before the images are made. */
  delayMs: number;
  /** Share of attempts that fail as `provider_unavailable`, to see retries offline (0–1). */
  failureRate?: number;
  random?: () => number;
  /** The most pixels a reference may decode to (MAX_IMAGE_PIXELS); absent means about 50 MP. */
  maxPixels?: number;
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

/** Images back from a pixel worker (plain Uint8Arrays there), without a copy. */
const asBuffers = (views: Uint8Array[]) =>
  views.map((view) => Buffer.from(view.buffer, view.byteOffset, view.byteLength));

/** Every image of a task, made offline with classical algorithms. */
async function makeImages(
  task: Task,
  references: ReferenceImage[],
  signal: AbortSignal,
  maxPixels: number,
) {
  const spec = (index: number, ref: ReferenceImage | undefined): RenderSpec => ({
    prompt: task.prompt,
    seed: task.seed,
    index,
    ...outputSize(task, ref),
    format: task.outputFormat,
    strength: task.options.strength ?? 0.8,
  });
  switch (task.operation) {
    // The two whose pixel loops are JavaScript run in a pixel worker; the references' bytes
    // move there (this attempt does not read them again).
    case 'remove-background': {
      const input = reference(references, 0).bytes;
      const options = {
        edgeSmooth: task.options.edgeSmooth ?? true,
        returnMask: task.options.returnMask ?? false,
        format: task.outputFormat,
        maxPixels,
      };
      return asBuffers(await runPixelTask('removeBackground', { input, options }, [input], signal));
    }
    case 'style-transfer': {
      const [content, style] = [reference(references, 0).bytes, reference(references, 1).bytes];
      const options = {
        strength: task.options.strength ?? 0.8,
        format: task.outputFormat,
        maxPixels,
      };
      return asBuffers(
        await runPixelTask('transferStyle', { content, style, options }, [content, style], signal),
      );
    }
    case 'enhance':
      return [
        await enhanceImage(
          reference(references, 0).bytes,
          task.options,
          task.outputFormat,
          maxPixels,
        ),
      ];
    case 'batch-edit':
    case 'edit':
    case 'generate': {
      const images: Buffer[] = [];
      for (let index = 0; index < task.count; index++) {
        const ref =
          task.operation === 'generate' ? undefined : references[index % references.length];
        images.push(
          ref
            ? await transformReference(ref.bytes, spec(index, ref), maxPixels)
            : await renderPromptImage(spec(index, undefined)),
        );
        signal.throwIfAborted();
      }
      return images;
    }
    case 'text-to-video':
    case 'image-to-video':
      throw new ProviderError('internal', 'Videos are made by makeVideo, not as images');
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
        videoModes: ['frames', 'reference'],
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
      const maxPixels = options.maxPixels ?? defaultMaxImagePixels;
      if (isVideoOperation(task.operation)) {
        return { images: [], videos: [await makeVideo(task, references, signal, maxPixels)] };
      }
      return { images: await makeImages(task, references, signal, maxPixels) };
    },
  };
}
