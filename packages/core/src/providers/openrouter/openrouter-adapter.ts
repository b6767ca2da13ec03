import { parseRetryAfter } from '../error-class-for-status';
import { requestJson } from '../http-json';
import type { SyncAdapter } from '../types';
import { openRouterError } from './openrouter-error';
import { openRouterDefaultModel, openRouterModels } from './openrouter-models';
import { openRouterErrorReply } from './openrouter-reply-schema';
import { openRouterRequestBody } from './openrouter-request-body';
import { readOpenRouterReply } from './read-openrouter-reply';

export { openRouterModels } from './openrouter-models';

export interface OpenRouterOptions {
  apiKey: string | undefined;
  baseUrl: string;
  /** Sent as HTTP-Referer, OpenRouter's app identifier. */
  appUrl?: string | undefined;
  appTitle?: string;
}

/** OpenRouter chat completions with image output; images come back as data URLs. */
export function createOpenRouterAdapter(options: OpenRouterOptions): SyncAdapter {
  return {
    kind: 'sync',
    id: 'openrouter',
    label: 'OpenRouter',
    local: false,
    configured: Boolean(options.apiKey),
    hint: options.apiKey ? null : 'Set OPENROUTER_API_KEY',
    defaultModel: openRouterDefaultModel,
    models: openRouterModels,
    async generate({ task, references, signal }) {
      const reply = await requestJson(
        `${options.baseUrl.replace(/\/$/, '')}/chat/completions`,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${options.apiKey ?? ''}`,
            ...(options.appUrl ? { 'HTTP-Referer': options.appUrl } : {}),
            'X-Title': options.appTitle ?? 'genhub',
          },
          body: openRouterRequestBody(task, references),
        },
        signal,
        'OpenRouter',
      );
      if (reply.status < 200 || reply.status >= 300) {
        throw openRouterError(
          reply.status,
          openRouterErrorReply.safeParse(reply.body).data?.error,
          parseRetryAfter(reply.headers.get('retry-after'), Date.now()),
        );
      }
      return readOpenRouterReply(reply.body);
    },
  };
}
