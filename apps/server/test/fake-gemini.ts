import type { IncomingMessage } from 'node:http';
import { dimensionsOf, type AspectRatio } from '@genhub/core/schemas';
import sharp from 'sharp';
import { listen, readJson, sendJson } from './fake-http';

export type GeminiMode =
  | 'image'
  | 'no-image'
  | 'stop-without-image'
  | 'image-safety'
  /** A withheld image as Google sends it: finish reason, finish message, no parts. */
  | 'image-prohibited'
  | 'prompt-blocked'
  | 'bad-key'
  | 'quota'
  | 'failed-precondition'
  | 'permission-denied'
  | 'internal'
  | 'unavailable'
  | 'deadline-exceeded'
  /** A 400 whose message echoes the key, URL-encoded as in a `?key=` query. */
  | 'echo-key';

const standardRatios = ['1:1', '2:3', '3:2', '3:4', '4:3', '4:5', '5:4', '9:16', '16:9', '21:9'];
const withExtremeRatios = [...standardRatios, '1:4', '4:1', '1:8', '8:1'];

/** What each current image model takes, as Google documents it; any other id is a 404. */
const models: Record<string, { sizes: string[]; ratios: string[] }> = {
  'gemini-nano-banana-2.1': { sizes: ['1K', '2K', '4K'], ratios: withExtremeRatios },
  'gemini-3.1-flash-image': { sizes: ['512', '1K', '2K', '4K'], ratios: withExtremeRatios },
  'gemini-3-pro-image': { sizes: ['1K', '2K', '4K'], ratios: standardRatios },
  'gemini-3.1-flash-lite-image': { sizes: ['1K'], ratios: standardRatios },
};

/** Output tokens of one image by size (3.1 Flash Image's table; the fake uses it for all). */
const imageTokens: Record<string, number> = { '512': 747, '1K': 1120, '2K': 1680, '4K': 2520 };

/** Google's refusals that take no request detail: HTTP status, RPC status, message. */
const cannedErrors: Partial<Record<GeminiMode, [number, string, string]>> = {
  'failed-precondition': [
    400,
    'FAILED_PRECONDITION',
    'User location is not supported for the API use without a billing account linked.',
  ],
  'permission-denied': [403, 'PERMISSION_DENIED', 'Your API key was reported as leaked.'],
  internal: [500, 'INTERNAL', 'An internal error has occurred.'],
  unavailable: [503, 'UNAVAILABLE', 'The model is overloaded. Please try again later.'],
  'deadline-exceeded': [
    504,
    'DEADLINE_EXCEEDED',
    'Deadline expired before operation could complete.',
  ],
};

/** Fields the REST API knows (proto JSON takes lowerCamel or snake_case); others are a 400. */
const knownFields = {
  request: [
    'contents',
    'generationConfig',
    'generation_config',
    'safetySettings',
    'safety_settings',
    'systemInstruction',
    'system_instruction',
    'tools',
    'toolConfig',
    'tool_config',
    'cachedContent',
    'cached_content',
  ],
  generationConfig: [
    'responseModalities',
    'response_modalities',
    'seed',
    'imageConfig',
    'image_config',
    'temperature',
    'topP',
    'top_p',
    'topK',
    'top_k',
    'candidateCount',
    'candidate_count',
    'maxOutputTokens',
    'max_output_tokens',
    'stopSequences',
    'stop_sequences',
    'thinkingConfig',
    'thinking_config',
  ],
  imageConfig: ['aspectRatio', 'aspect_ratio', 'imageSize', 'image_size'],
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Either spelling of a field. */
const field = (o: Record<string, unknown>, camel: string, snake: string): unknown =>
  o[camel] ?? o[snake];

/** The harm categories a Gemini model's safety settings take, and the thresholds. */
const harmCategories = [
  'HARM_CATEGORY_HARASSMENT',
  'HARM_CATEGORY_HATE_SPEECH',
  'HARM_CATEGORY_SEXUALLY_EXPLICIT',
  'HARM_CATEGORY_DANGEROUS_CONTENT',
];
const blockThresholds = [
  'BLOCK_LOW_AND_ABOVE',
  'BLOCK_MEDIUM_AND_ABOVE',
  'BLOCK_ONLY_HIGH',
  'BLOCK_NONE',
  'OFF',
];
const protoPackage = 'type.googleapis.com/google.ai.generativelanguage.v1beta';

/** What is wrong with `safetySettings`, as Google's 400 says it, or null. */
function invalidSafetySettings(settings: unknown): string | null {
  if (settings === undefined) return null;
  if (!Array.isArray(settings))
    return `Invalid value at 'safety_settings' (${protoPackage}.SafetySetting), ${JSON.stringify(settings)}`;
  for (const [i, setting] of settings.entries()) {
    const at = `safety_settings[${i}]`;
    if (!isObject(setting)) return `Invalid value at '${at}': expected an object`;
    const extra = Object.keys(setting).find((k) => k !== 'category' && k !== 'threshold');
    if (extra !== undefined)
      return `Invalid JSON payload received. Unknown name "${extra}" at '${at}': Cannot find field.`;
    if (!harmCategories.includes(setting.category as string))
      return `Invalid value at '${at}.category' (${protoPackage}.HarmCategory), ${JSON.stringify(setting.category)}`;
    if (!blockThresholds.includes(setting.threshold as string))
      return `Invalid value at '${at}.threshold' (${protoPackage}.SafetySetting.HarmBlockThreshold), ${JSON.stringify(setting.threshold)}`;
  }
  return null;
}

/**
 * What is wrong with a generateContent body for `model`, as Google's 400 says it, or null.
 * `issued` holds the thought signatures this fake has handed out: a model turn's image must
 * carry one of them, as Gemini 3 image models require in a multi-turn edit.
 */
function invalidArgument(
  body: Record<string, unknown>,
  model: string,
  issued: ReadonlySet<string>,
): string | null {
  const unknown = (o: Record<string, unknown>, known: string[], at: string) => {
    const name = Object.keys(o).find((k) => !known.includes(k));
    return name === undefined
      ? null
      : `Invalid JSON payload received. Unknown name "${name}"${at}: Cannot find field.`;
  };
  const topLevel = unknown(body, knownFields.request, '');
  if (topLevel) return topLevel;
  const badSafety = invalidSafetySettings(field(body, 'safetySettings', 'safety_settings'));
  if (badSafety) return badSafety;
  const contents = body.contents;
  if (!Array.isArray(contents) || contents.length === 0)
    return '* GenerateContentRequest.contents: contents is not specified';
  for (const [c, content] of contents.entries()) {
    const parts = isObject(content) ? content.parts : undefined;
    if (!Array.isArray(parts) || parts.length === 0)
      return '* GenerateContentRequest.contents[0].parts: contents.parts must not be empty.';
    const role = isObject(content) ? content.role : undefined;
    if (role !== undefined && role !== 'user' && role !== 'model')
      return `Please use a valid role: user, model. (got ${JSON.stringify(role)} at contents[${c}])`;
    for (const [p, part] of parts.entries()) {
      if (!isObject(part)) return 'Invalid JSON payload received. Expected an object for part.';
      const inline = field(part, 'inlineData', 'inline_data');
      if (role === 'model' && isObject(inline)) {
        const signature = field(part, 'thoughtSignature', 'thought_signature');
        if (signature === undefined)
          return `Image part is missing a thought_signature in content position ${c + 1}, part position ${p + 1}. Additional data, see https://ai.google.dev/gemini-api/docs/thought-signatures`;
        if (typeof signature !== 'string' || !issued.has(signature))
          return `Unable to submit request because it has an invalid thought signature for content at index ${c}.`;
      }
      if (typeof part.text === 'string') continue;
      if (!isObject(inline)) return '* GenerateContentRequest.contents[0].parts: a part is empty';
      const mime = field(inline, 'mimeType', 'mime_type');
      if (typeof mime !== 'string' || !mime.startsWith('image/'))
        return `Unsupported MIME type: ${String(mime)}`;
      if (typeof inline.data !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(inline.data))
        return "Invalid value at 'contents[0].parts[1].inline_data.data' (TYPE_BYTES), Base64 decoding failed";
    }
  }
  const config = field(body, 'generationConfig', 'generation_config') ?? {};
  if (!isObject(config)) return "Invalid value at 'generation_config'";
  const badConfig = unknown(config, knownFields.generationConfig, " at 'generation_config'");
  if (badConfig) return badConfig;
  const modalities = field(config, 'responseModalities', 'response_modalities') ?? [];
  if (
    !Array.isArray(modalities) ||
    modalities.some((m) => !['TEXT', 'IMAGE'].includes(m as string))
  )
    return `Invalid value at 'generation_config.response_modalities': ${JSON.stringify(modalities)}`;
  if (config.seed !== undefined && !Number.isInteger(config.seed))
    return `Invalid value at 'generation_config.seed' (TYPE_INT32), ${JSON.stringify(config.seed)}`;
  const image = field(config, 'imageConfig', 'image_config') ?? {};
  if (!isObject(image)) return "Invalid value at 'generation_config.image_config'";
  const badImage = unknown(image, knownFields.imageConfig, " at 'generation_config.image_config'");
  if (badImage) return badImage;
  const offered = models[model];
  const ratio = field(image, 'aspectRatio', 'aspect_ratio');
  if (ratio !== undefined && !offered?.ratios.includes(ratio as string))
    return `Unsupported aspect ratio: ${JSON.stringify(ratio)}. Supported: ${offered?.ratios.join(', ')}`;
  const size = field(image, 'imageSize', 'image_size');
  if (size !== undefined && !offered?.sizes.includes(size as string))
    return `Unsupported image size ${JSON.stringify(size)} for model ${model}. Supported: ${offered?.sizes.join(', ')}`;
  return null;
}

/** The key as Google reads it: `x-goog-api-key`, else `?key=`. */
function keyOf(req: IncomingMessage, url: URL): string | undefined {
  const header = req.headers['x-goog-api-key'];
  return (
    (typeof header === 'string' ? header : undefined) ?? url.searchParams.get('key') ?? undefined
  );
}

const googleError = (code: number, status: string, message: string, details?: unknown[]) => ({
  error: { code, message, status, ...(details ? { details } : {}) },
});

/**
 * A Gemini API stand-in: generateContent with inline images, as strict as Google about model
 * ids, sizes, ratios, fields, safety settings and the key, answering with thought parts and
 * thinking tokens.
 */
export async function startFakeGemini() {
  const interim = await sharp({
    create: { width: 64, height: 64, channels: 3, background: '#000' },
  })
    .png()
    .toBuffer();
  const finals = new Map<string, Promise<Buffer>>();
  /** 1K pixels in the asked proportion (square when none is asked). */
  const finalImage = (ratio: string) => {
    let image = finals.get(ratio);
    if (!image) {
      const { width, height } = dimensionsOf(ratio as AspectRatio);
      image = sharp({ create: { width, height, channels: 3, background: '#a37' } })
        .png()
        .toBuffer();
      finals.set(ratio, image);
    }
    return image;
  };
  const state = {
    apiKey: 'gemini-test-key',
    mode: 'image' as GeminiMode,
    /** Thinking tokens in every reply's usage (Gemini 3 image models think). */
    thoughtsTokens: 240,
    requests: [] as { path: string; body: Record<string, unknown> }[],
    /** The thought signature on each final image handed out, in order. */
    signatures: [] as string[],
  };
  const server = await listen(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const match = /^\/v1beta\/models\/([^/:]+):generateContent$/.exec(url.pathname);
    if (req.method !== 'POST' || !match)
      return sendJson(res, 404, googleError(404, 'NOT_FOUND', 'Method not found.'));
    const model = decodeURIComponent(match[1] ?? '');
    let body: Record<string, unknown>;
    try {
      body = await readJson(req);
    } catch {
      return sendJson(
        res,
        400,
        googleError(400, 'INVALID_ARGUMENT', 'Invalid JSON payload received.'),
      );
    }
    state.requests.push({ path: url.pathname, body });
    const key = keyOf(req, url);
    if (key === undefined) {
      return sendJson(
        res,
        403,
        googleError(
          403,
          'PERMISSION_DENIED',
          "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
        ),
      );
    }
    if (state.mode === 'bad-key' || key !== state.apiKey) {
      return sendJson(
        res,
        400,
        googleError(400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', [
          { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID' },
        ]),
      );
    }
    if (!models[model]) {
      return sendJson(
        res,
        404,
        googleError(
          404,
          'NOT_FOUND',
          `models/${model} is not found for API version v1beta, or is not supported for generateContent.`,
        ),
      );
    }
    const invalid = invalidArgument(body, model, new Set(state.signatures));
    if (invalid) return sendJson(res, 400, googleError(400, 'INVALID_ARGUMENT', invalid));

    const config = (field(body, 'generationConfig', 'generation_config') ?? {}) as Record<
      string,
      unknown
    >;
    const image = (field(config, 'imageConfig', 'image_config') ?? {}) as Record<string, unknown>;
    const size = (field(image, 'imageSize', 'image_size') as string | undefined) ?? '1K';
    const ratio = (field(image, 'aspectRatio', 'aspect_ratio') as string | undefined) ?? '1:1';
    const textTokens = 10;
    const usage = (candidates: number) => ({
      usageMetadata: {
        promptTokenCount: 17,
        candidatesTokenCount: candidates,
        thoughtsTokenCount: state.thoughtsTokens,
        totalTokenCount: 17 + candidates + state.thoughtsTokens,
      },
      modelVersion: model,
    });
    const canned = cannedErrors[state.mode];
    if (canned) return sendJson(res, canned[0], googleError(canned[0], canned[1], canned[2]));
    switch (state.mode) {
      case 'echo-key':
        return sendJson(
          res,
          400,
          googleError(
            400,
            'INVALID_ARGUMENT',
            `Invalid request for key=${encodeURIComponent(state.apiKey)}`,
          ),
        );
      case 'quota':
        return sendJson(
          res,
          429,
          googleError(
            429,
            'RESOURCE_EXHAUSTED',
            'You exceeded your current quota. Please retry in 2.0s.',
            [
              { '@type': 'type.googleapis.com/google.rpc.QuotaFailure', violations: [] },
              { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '2s' },
            ],
          ),
        );
      case 'prompt-blocked':
        return sendJson(res, 200, { promptFeedback: { blockReason: 'SAFETY' }, ...usage(0) });
      case 'image-safety':
        return sendJson(res, 200, {
          candidates: [{ content: { role: 'model', parts: [] }, finishReason: 'IMAGE_SAFETY' }],
          ...usage(0),
        });
      case 'image-prohibited':
        return sendJson(res, 200, {
          candidates: [
            {
              finishReason: 'IMAGE_PROHIBITED_CONTENT',
              finishMessage: 'Unable to show the generated image.',
            },
          ],
          ...usage(0),
        });
      case 'no-image':
        return sendJson(res, 200, {
          candidates: [
            { content: { role: 'model', parts: [{ text: 'no' }] }, finishReason: 'NO_IMAGE' },
          ],
          ...usage(textTokens),
        });
      case 'stop-without-image':
        return sendJson(res, 200, {
          candidates: [
            {
              content: { role: 'model', parts: [{ text: 'Here is a poem instead.' }] },
              finishReason: 'STOP',
            },
          ],
          ...usage(textTokens),
        });
      default: {
        const final = await finalImage(ratio);
        const tokens = (imageTokens[size] ?? 1120) + textTokens;
        // Gemini 3 signs the first part after the thoughts and every image part after it.
        const signature = (part: string) =>
          Buffer.from(`sig:${model}:${state.requests.length}:${part}`).toString('base64');
        state.signatures.push(signature('image'));
        return sendJson(res, 200, {
          candidates: [
            {
              content: {
                role: 'model',
                parts: [
                  { text: 'thinking', thought: true },
                  {
                    inlineData: { mimeType: 'image/png', data: interim.toString('base64') },
                    thought: true,
                  },
                  { text: 'Here is your image', thoughtSignature: signature('text') },
                  {
                    inlineData: { mimeType: 'image/png', data: final.toString('base64') },
                    thoughtSignature: state.signatures.at(-1),
                  },
                ],
              },
              finishReason: 'STOP',
            },
          ],
          ...usage(tokens),
        });
      }
    }
  });
  return { ...server, state };
}
