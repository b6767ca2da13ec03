import { dimensionsOf, type AspectRatio } from '@genhub/core/schemas';
import sharp from 'sharp';
import { listen, readJson, sendJson } from './fake-http';

export type OpenRouterMode =
  | { kind: 'image' }
  | { kind: 'text-only' }
  /** A reply without images whose finish reasons say a filter withheld it. */
  | { kind: 'withheld'; finishReason: string; nativeFinishReason: string | null }
  | { kind: 'error-in-200'; code: number; message: string }
  /** A 400 whose message echoes the Authorization header, key and all. */
  | { kind: 'echo-key' }
  | {
      kind: 'status';
      status: number;
      message: string;
      metadata?: Record<string, unknown>;
      retryAfter?: string;
    };

const standardRatios = ['1:1', '2:3', '3:2', '3:4', '4:3', '4:5', '5:4', '9:16', '16:9', '21:9'];
const withExtremeRatios = [...standardRatios, '1:4', '4:1', '1:8', '8:1'];

/** The image slugs OpenRouter routes and what each takes; any other slug is a 400. */
const models: Record<string, { sizes: string[]; ratios: string[] }> = {
  'google/gemini-nano-banana-2.1': { sizes: ['1K', '2K', '4K'], ratios: withExtremeRatios },
  'google/gemini-3.1-flash-image': {
    sizes: ['0.5K', '1K', '2K', '4K'],
    ratios: withExtremeRatios,
  },
  'google/gemini-3-pro-image': { sizes: ['1K', '2K', '4K'], ratios: standardRatios },
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A content part OpenRouter takes: text, or an image by https or base64 data URL. */
function validPart(part: unknown): boolean {
  if (!isObject(part)) return false;
  if (part.type === 'text') return typeof part.text === 'string';
  if (part.type !== 'image_url' || !isObject(part.image_url)) return false;
  const url = part.image_url.url;
  return typeof url === 'string' && /^(https:\/\/|data:image\/[\w.+-]+;base64,)/.test(url);
}

/** What is wrong with a chat completion body, as OpenRouter's 400 says it, or null. */
function badRequest(body: Record<string, unknown>): string | null {
  const model = typeof body.model === 'string' ? body.model : undefined;
  const offered = model === undefined ? undefined : models[model];
  if (!offered) return `${String(model)} is not a valid model ID`;
  const messages = body.messages;
  if (!Array.isArray(messages) || messages.length === 0)
    return 'Input required: specify "prompt" or "messages"';
  for (const message of messages) {
    if (!isObject(message) || !['system', 'user', 'assistant'].includes(message.role as string))
      return 'Invalid message: role must be system, user or assistant';
    const content = message.content;
    if (typeof content !== 'string' && !(Array.isArray(content) && content.every(validPart)))
      return 'Invalid message content: expected a string or text and image_url parts';
  }
  const modalities = body.modalities;
  if (
    !Array.isArray(modalities) ||
    !modalities.includes('image') ||
    modalities.some((m) => m !== 'image' && m !== 'text')
  )
    return `${model} outputs images: modalities must be ["image","text"]`;
  if (body.seed !== undefined && !Number.isInteger(body.seed)) return 'seed must be an integer';
  const config = body.image_config ?? {};
  if (!isObject(config)) return 'image_config must be an object';
  if (config.aspect_ratio !== undefined && !offered.ratios.includes(config.aspect_ratio as string))
    return `image_config.aspect_ratio ${JSON.stringify(config.aspect_ratio)} is not supported by ${model}`;
  if (config.image_size !== undefined && !offered.sizes.includes(config.image_size as string))
    return `image_config.image_size ${JSON.stringify(config.image_size)} is not supported by ${model}`;
  return null;
}

/**
 * An OpenRouter stand-in: chat completions answering base64 data URLs and `usage.cost`, as
 * strict as OpenRouter about slugs, sizes, ratios, required fields and the Bearer key.
 */
export async function startFakeOpenRouter() {
  const pngs = new Map<string, Promise<Buffer>>();
  /** 1K pixels in the asked proportion (square when none is asked). */
  const png = (ratio: string) => {
    let image = pngs.get(ratio);
    if (!image) {
      const { width, height } = dimensionsOf(ratio as AspectRatio);
      image = sharp({ create: { width, height, channels: 3, background: '#3a7' } })
        .png()
        .toBuffer();
      pngs.set(ratio, image);
    }
    return image;
  };
  const state = {
    apiKey: 'sk-or-test',
    mode: { kind: 'image' } as OpenRouterMode,
    /** `usage.cost` of a reply with an image, in OpenRouter credits. */
    cost: 0.125,
    /** `usage.cost` of a reply without one. */
    textCost: 0.001,
    /** How long each answer takes, to let requests overlap. */
    delayMs: 0,
    inFlight: 0,
    /** The most requests it had in hand at once. */
    maxInFlight: 0,
    requests: [] as {
      headers: Record<string, string | string[] | undefined>;
      body: Record<string, unknown>;
    }[],
  };
  const server = await listen(async (req, res) => {
    if (req.method !== 'POST' || req.url !== '/api/v1/chat/completions')
      return sendJson(res, 404, { error: { code: 404, message: 'Not Found' } });
    let body: Record<string, unknown>;
    try {
      body = await readJson(req);
    } catch {
      return sendJson(res, 400, { error: { code: 400, message: 'Invalid JSON body' } });
    }
    state.requests.push({ headers: req.headers, body });
    state.inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    res.on('close', () => state.inFlight--);
    if (state.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, state.delayMs));
    const auth = req.headers.authorization;
    if (auth !== `Bearer ${state.apiKey}`) {
      const message = auth === undefined ? 'No auth credentials found' : 'User not found.';
      return sendJson(res, 401, { error: { code: 401, message } });
    }
    const invalid = badRequest(body);
    if (invalid) return sendJson(res, 400, { error: { code: 400, message: invalid } });
    const mode = state.mode;
    if (mode.kind === 'echo-key') {
      const message = `Bad request from ${req.headers.authorization}`;
      return sendJson(res, 400, { error: { code: 400, message } });
    }
    if (mode.kind === 'status') {
      const { status, message, metadata } = mode;
      return sendJson(
        res,
        status,
        { error: { code: status, message, ...(metadata ? { metadata } : {}) } },
        mode.retryAfter ? { 'retry-after': mode.retryAfter } : {},
      );
    }
    if (mode.kind === 'error-in-200')
      return sendJson(res, 200, {
        id: 'gen-1',
        error: { code: mode.code, message: mode.message },
      });
    const config = (body.image_config ?? {}) as { aspect_ratio?: string };
    const image = mode.kind === 'image' ? await png(config.aspect_ratio ?? '1:1') : undefined;
    const choice = image
      ? {
          finish_reason: 'stop',
          native_finish_reason: 'STOP',
          message: {
            role: 'assistant',
            content: 'Here is your image.',
            images: [
              {
                type: 'image_url',
                image_url: { url: `data:image/png;base64,${image.toString('base64')}` },
              },
            ],
          },
        }
      : {
          finish_reason: mode.kind === 'withheld' ? mode.finishReason : 'stop',
          native_finish_reason: mode.kind === 'withheld' ? mode.nativeFinishReason : 'STOP',
          message: { role: 'assistant', content: 'I cannot draw that.' },
        };
    const completion = image ? 1130 : 14;
    sendJson(res, 200, {
      id: 'gen-1',
      choices: [choice],
      usage: {
        prompt_tokens: 12,
        completion_tokens: completion,
        completion_tokens_details: { reasoning_tokens: 0 },
        total_tokens: 12 + completion,
        cost: image ? state.cost : state.textCost,
        cost_details: { upstream_inference_cost: null },
      },
    });
  });
  return { ...server, url: `${server.url}/api/v1`, state };
}
