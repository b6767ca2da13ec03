import sharp from 'sharp';
import { listen, readJson, sendJson } from './fake-http';

export type OpenRouterMode =
  | { kind: 'image' }
  | { kind: 'text-only' }
  | { kind: 'error-in-200'; code: number; message: string }
  /** A 400 whose message echoes the Authorization header, key and all. */
  | { kind: 'echo-key' }
  | { kind: 'status'; status: number; message: string; retryAfter?: string };

/** An OpenRouter stand-in (providers.md §2): chat completions answering base64 data URLs. */
export async function startFakeOpenRouter() {
  const png = await sharp({ create: { width: 1344, height: 768, channels: 3, background: '#3a7' } })
    .png()
    .toBuffer();
  const state = {
    apiKey: 'sk-or-test',
    mode: { kind: 'image' } as OpenRouterMode,
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
      return sendJson(res, 404, { error: { code: 404, message: 'not found' } });
    const body = await readJson(req);
    state.requests.push({ headers: req.headers, body });
    state.inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    res.on('close', () => state.inFlight--);
    if (state.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, state.delayMs));
    if (req.headers.authorization !== `Bearer ${state.apiKey}`) {
      return sendJson(res, 401, { error: { code: 401, message: 'No auth credentials found' } });
    }
    const mode = state.mode;
    if (mode.kind === 'echo-key') {
      const message = `Bad request from ${req.headers.authorization}`;
      return sendJson(res, 400, { error: { code: 400, message } });
    }
    if (mode.kind === 'status') {
      return sendJson(
        res,
        mode.status,
        {
          error: {
            code: mode.status,
            message: mode.message,
            ...(mode.status === 403
              ? { metadata: { reasons: ['violence'], flagged_input: 'x' } }
              : {}),
          },
        },
        mode.retryAfter ? { 'retry-after': mode.retryAfter } : {},
      );
    }
    if (mode.kind === 'error-in-200')
      return sendJson(res, 200, { error: { code: mode.code, message: mode.message } });
    const message =
      mode.kind === 'text-only'
        ? { role: 'assistant', content: 'I cannot draw that, here is a description instead.' }
        : {
            role: 'assistant',
            content: 'Here is your image.',
            images: [
              {
                type: 'image_url',
                image_url: { url: `data:image/png;base64,${png.toString('base64')}` },
              },
            ],
          };
    sendJson(res, 200, {
      id: 'gen-1',
      choices: [{ finish_reason: 'stop', message }],
      // Billed output tokens: an image is 1290 (providers.md §2), plus the text.
      usage: {
        prompt_tokens: 12,
        completion_tokens: mode.kind === 'text-only' ? 14 : 1296,
        total_tokens: mode.kind === 'text-only' ? 26 : 1308,
      },
    });
  });
  return { ...server, url: `${server.url}/api/v1`, state };
}
