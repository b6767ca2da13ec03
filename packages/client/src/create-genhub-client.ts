import { createTRPCClient, type TRPCClient } from '@trpc/client';
import type { ClientContext } from './client-context';
import { createLinks } from './create-links';
import { download } from './download';
import { baseUrl } from './endpoint';
import { generate, type GenerateOptions } from './generate';
import { GenhubError } from './genhub-error';
import { runPlan, type RunPlanOptions } from './run-plan';
import { SharedTaskEvents } from './shared-task-events';
import type {
  AppRouter,
  CreatePlanInput,
  CreateTaskInput,
  PlanSummary,
  Task,
  TaskEvent,
} from './types';
import { upload, type Asset, type UploadOptions } from './upload';
import { verifyWebhook, type WebhookHeaders } from './verify-webhook';
import { watch, type WatchFilter } from './watch';
import { lazyWebSocketClient, type WebSocketConstructor } from './web-socket-client';

export interface GenhubClientOptions {
  /** Where genhub runs, e.g. `http://127.0.0.1:3000` (a path prefix behind a proxy is kept). */
  url: string;
  /** An API key (`gh_…`) from Settings → API keys or `pnpm admin create-key`. */
  apiKey: string;
  /**
   * Extra tries after a network error or a 5xx, with exponential backoff and jitter; only for
   * queries, downloads and mutations with an idempotency key (`task.create` from `generate`).
   * Default 3.
   */
  retries?: number;
  /** The `fetch` to use (default: the platform's). */
  fetch?: typeof fetch;
  /** The WebSocket class for subscriptions (default: the platform's; on Node 20, `ws`). */
  WebSocket?: WebSocketConstructor;
}

export interface GenhubClient {
  /** Every tRPC procedure, typed: `genhub.trpc.task.get.query({ id })`. */
  readonly trpc: TRPCClient<AppRouter>;
  /** Creates a task and resolves with it once completed (see `GenerateOptions`). */
  generate(input: CreateTaskInput, options?: GenerateOptions): Promise<Task>;
  /** Uploads a reference image; use its `id` in `assetIds`. */
  upload(bytes: Blob | Uint8Array | ArrayBuffer, options?: UploadOptions): Promise<Asset>;
  /** A generation's bytes; also written to `path` when given (Node). */
  download(
    generation: { url: string },
    path?: string,
    options?: { signal?: AbortSignal },
  ): Promise<Uint8Array>;
  readonly plans: {
    /** Creates a variation plan and resolves with its final summary. */
    run(input: CreatePlanInput, options?: RunPlanOptions): Promise<PlanSummary>;
  };
  /** Task events as they happen, for one task, one plan or all of yours. */
  watch(filter?: WatchFilter, options?: { signal?: AbortSignal }): AsyncIterable<TaskEvent>;
  readonly webhooks: {
    /** Checks a genhub webhook's signature; returns its JSON body (see `verifyWebhook`). */
    verify(rawBody: string | Uint8Array, headers: WebhookHeaders, secret: string): unknown;
  };
  /** Closes the WebSocket, if one is open. */
  close(): Promise<void>;
}

function checkedOptions(options: GenhubClientOptions) {
  let base: URL;
  try {
    base = baseUrl(options.url);
  } catch {
    throw new GenhubError('BAD_REQUEST', `url is not a URL: ${options.url}`);
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw new GenhubError('BAD_REQUEST', 'url must start with http:// or https://');
  }
  if (typeof options.apiKey !== 'string' || options.apiKey.trim() === '') {
    throw new GenhubError('BAD_REQUEST', 'apiKey is required');
  }
  const retries = options.retries ?? 3;
  if (!Number.isInteger(retries) || retries < 0) {
    throw new GenhubError('BAD_REQUEST', 'retries must be a whole number, 0 or more');
  }
  return { base, apiKey: options.apiKey.trim(), retries };
}

/** A client for one genhub server and API key. */
export function createGenhubClient(options: GenhubClientOptions): GenhubClient {
  const { base, apiKey, retries } = checkedOptions(options);
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const sockets = lazyWebSocketClient(base, apiKey, options.WebSocket);
  const trpc = createTRPCClient<AppRouter>({
    links: createLinks({ base, apiKey, fetch: fetchImpl, retries, sockets }),
  });
  const taskEvents = new SharedTaskEvents(trpc);
  const ctx: ClientContext = { base, apiKey, fetch: fetchImpl, retries, trpc, taskEvents };
  return {
    trpc,
    generate: (input, generateOptions) => generate(ctx, input, generateOptions),
    upload: (bytes, uploadOptions) => upload(ctx, bytes, uploadOptions),
    download: (generation, path, downloadOptions) =>
      download(ctx, generation, path, downloadOptions),
    plans: { run: (input, runOptions) => runPlan(ctx, input, runOptions) },
    watch: (filter, watchOptions) => watch(ctx, filter, watchOptions),
    webhooks: { verify: verifyWebhook },
    close: () => sockets.close(),
  };
}
