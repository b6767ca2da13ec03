import { requestJson } from '../http-json';
import type { ParentTurn, SyncAdapter } from '../types';
import { geminiError } from './gemini-error';
import { geminiDefaultModel, geminiModels } from './gemini-models';
import { geminiRequestBody } from './gemini-request-body';
import { readGeminiReply } from './read-gemini-reply';

export { geminiModels } from './gemini-models';

const refusesThoughtSignature = (body: unknown) =>
  /thought.?signature/i.test(JSON.stringify(body) ?? '');

export interface GeminiOptions {
  apiKey: string | undefined;
  baseUrl: string;
}

/** Google's Gemini API `generateContent`; the image comes back inline. */
export function createGeminiAdapter(options: GeminiOptions): SyncAdapter {
  return {
    kind: 'sync',
    id: 'gemini',
    label: 'Gemini API',
    local: false,
    configured: Boolean(options.apiKey),
    hint: options.apiKey ? null : 'Set GEMINI_API_KEY',
    defaultModel: geminiDefaultModel,
    models: geminiModels,
    async generate({ task, references, signal, parent }) {
      const send = (turn: ParentTurn | null) =>
        requestJson(
          `${options.baseUrl.replace(/\/$/, '')}/v1beta/models/${encodeURIComponent(task.model)}:generateContent`,
          {
            method: 'POST',
            headers: { 'x-goog-api-key': options.apiKey ?? '' },
            body: geminiRequestBody(task, references, turn),
          },
          signal,
          'the Gemini API',
        );
      let reply = await send(parent ?? null);
      // A conversation Gemini will not continue (a signature it no longer accepts) is sent
      // again as a plain edit of the previous image, instead of failing every retry alike.
      if (parent && reply.status === 400 && refusesThoughtSignature(reply.body)) {
        reply = await send(null);
      }
      if (reply.status < 200 || reply.status >= 300) {
        throw geminiError(reply.status, reply.body, task.model);
      }
      return readGeminiReply(reply.body);
    },
  };
}
