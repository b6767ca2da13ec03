import sharp from 'sharp';
import { listen, readJson, sendJson } from './fake-http';

export type GeminiMode =
  | 'image'
  | 'no-image'
  | 'stop-without-image'
  | 'image-safety'
  | 'prompt-blocked'
  | 'bad-key'
  | 'quota'
  | 'unavailable'
  /** A 400 whose message echoes the key, URL-encoded as in a `?key=` query. */
  | 'echo-key';

/** A Gemini API stand-in (providers.md §3): generateContent with inline images and its error shapes. */
export async function startFakeGemini() {
  const final = await sharp({
    create: { width: 1024, height: 1024, channels: 3, background: '#a37' },
  })
    .png()
    .toBuffer();
  const interim = await sharp({
    create: { width: 64, height: 64, channels: 3, background: '#000' },
  })
    .png()
    .toBuffer();
  const state = {
    apiKey: 'gemini-test-key',
    mode: 'image' as GeminiMode,
    requests: [] as { path: string; body: Record<string, unknown> }[],
  };
  const server = await listen(async (req, res) => {
    const match = /^\/v1beta\/models\/([^/:]+):generateContent$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !match)
      return sendJson(res, 404, {
        error: { code: 404, message: 'not found', status: 'NOT_FOUND' },
      });
    const body = await readJson(req);
    state.requests.push({ path: req.url ?? '', body });
    if (state.mode === 'bad-key' || req.headers['x-goog-api-key'] !== state.apiKey) {
      return sendJson(res, 400, {
        error: {
          code: 400,
          message: 'API key not valid. Please pass a valid API key.',
          status: 'INVALID_ARGUMENT',
          details: [
            { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID' },
          ],
        },
      });
    }
    const usage = { usageMetadata: { promptTokenCount: 17, candidatesTokenCount: 1306 } };
    switch (state.mode) {
      case 'echo-key':
        return sendJson(res, 400, {
          error: {
            code: 400,
            message: `Invalid request for key=${encodeURIComponent(state.apiKey)}`,
            status: 'INVALID_ARGUMENT',
          },
        });
      case 'quota':
        return sendJson(res, 429, {
          error: {
            code: 429,
            message: 'You exceeded your current quota. Please retry in 2.0s.',
            status: 'RESOURCE_EXHAUSTED',
            details: [
              { '@type': 'type.googleapis.com/google.rpc.QuotaFailure', violations: [] },
              { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '2s' },
            ],
          },
        });
      case 'unavailable':
        return sendJson(res, 503, {
          error: { code: 503, message: 'The model is overloaded.', status: 'UNAVAILABLE' },
        });
      case 'prompt-blocked':
        return sendJson(res, 200, { promptFeedback: { blockReason: 'SAFETY' }, ...usage });
      case 'image-safety':
        return sendJson(res, 200, {
          candidates: [{ content: { role: 'model', parts: [] }, finishReason: 'IMAGE_SAFETY' }],
          ...usage,
        });
      case 'no-image':
        return sendJson(res, 200, {
          candidates: [
            { content: { role: 'model', parts: [{ text: 'no' }] }, finishReason: 'NO_IMAGE' },
          ],
          ...usage,
        });
      case 'stop-without-image':
        return sendJson(res, 200, {
          candidates: [
            {
              content: { role: 'model', parts: [{ text: 'Here is a poem instead.' }] },
              finishReason: 'STOP',
            },
          ],
          ...usage,
        });
      case 'image':
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
                  { text: 'Here is your image' },
                  { inlineData: { mimeType: 'image/png', data: final.toString('base64') } },
                ],
              },
              finishReason: 'STOP',
            },
          ],
          ...usage,
          modelVersion: match[1],
        });
    }
  });
  return { ...server, state };
}
