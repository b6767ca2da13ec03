import type { ModelCapabilities, Resolution, Task, VideoMode } from '../../schemas';
import { ProviderError } from '../types';

export const veoModelIds = ['veo3', 'veo3_fast', 'veo3_lite'] as const;
export type VeoModelId = (typeof veoModelIds)[number];

/**
 * KIE's list price of one clip in credits (1 credit = US$0.005), the same for 4, 6 and 8
 * seconds: 720p, then 1080p and 4K where they cost more.
 */
const prices: Record<VeoModelId, [number, number, number]> = {
  veo3: [250, 255, 370],
  veo3_fast: [60, 65, 180],
  veo3_lite: [30, 35, 150],
};

function veoModel(id: VeoModelId, label: string, videoModes: VideoMode[]): ModelCapabilities {
  const [p720, p1080, p4k] = prices[id];
  return {
    id,
    label,
    operations: ['text-to-video', 'image-to-video'],
    aspectRatios: ['16:9', '9:16', 'auto'],
    // A video is an MP4 whatever the task's image format says; none is chosen.
    outputFormats: ['png'],
    maxImages: 1,
    maxReferenceImages: videoModes.includes('reference') ? 3 : 2,
    resolutions: ['720p', '1080p', '4K'],
    videoModes,
    price: { amount: p720, unit: 'credits', byResolution: { '1080p': p1080, '4K': p4k } },
  };
}

/**
 * Veo 3.1 on KIE: Fast (KIE's default, so first), Lite and Quality; reference images on Fast
 * and Lite only.
 */
export const veoModels: ModelCapabilities[] = [
  veoModel('veo3_fast', 'Veo 3.1 Fast (KIE.ai)', ['frames', 'reference']),
  veoModel('veo3_lite', 'Veo 3.1 Lite (KIE.ai)', ['frames', 'reference']),
  veoModel('veo3', 'Veo 3.1 Quality (KIE.ai)', ['frames']),
];

const generationTypes: Record<VideoMode, string> = {
  frames: 'FIRST_AND_LAST_FRAMES_2_VIDEO',
  reference: 'REFERENCE_2_VIDEO',
};

/** Veo spells sizes in lower case. */
const veoResolutions: Partial<Record<Resolution, string>> = {
  '720p': '720p',
  '1080p': '1080p',
  '4K': '4k',
};

/**
 * The body of `POST /api/v1/veo/generate` for a task, but its image URLs. Throws for what
 * Veo cannot express (validation at create time refuses those first).
 */
export function veoRequest(task: Task, callbackUrl: string | null): Record<string, unknown> {
  const model = veoModelIds.find((id) => id === task.model);
  if (!model) throw new ProviderError('invalid_request', `KIE.ai has no Veo model ${task.model}`);
  const resolution = veoResolutions[task.resolution ?? '720p'];
  if (!resolution) {
    throw new ProviderError('invalid_request', 'Veo makes 720p, 1080p or 4K clips');
  }
  if (task.aspectRatio !== '16:9' && task.aspectRatio !== '9:16' && task.aspectRatio !== 'auto') {
    throw new ProviderError('invalid_request', 'Veo makes 16:9, 9:16 or auto clips');
  }
  const mode = task.options.videoMode ?? 'frames';
  return {
    prompt: task.prompt,
    model,
    generationType: task.operation === 'text-to-video' ? 'TEXT_2_VIDEO' : generationTypes[mode],
    aspectRatio: task.aspectRatio === 'auto' ? 'Auto' : task.aspectRatio,
    duration: task.options.durationSeconds ?? 8,
    resolution,
    // Its documented default differs between text and schema: say it. Prompts in other
    // languages than English are refused unless translated.
    enableTranslation: true,
    ...(callbackUrl ? { callBackUrl: callbackUrl } : {}),
  };
}
