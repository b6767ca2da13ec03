import type { CoreContext } from '@genhub/core';
import type { RequestGate } from '../auth/gate-request';

/** What the `/v1` routes share. */
export interface OpenAiDeps {
  /** The server's core; each request acts through the caller's own (from `gate`). */
  core: CoreContext;
  gate: RequestGate;
  /** Signs the image links of `url` answers. */
  secret: Buffer;
  /** `provider` or `provider/model` for requests naming no model or an OpenAI alias. */
  defaultModel: string;
  /** How long a request waits for its task. */
  timeoutMs: number;
  /** Where image links point; absent: the address the request came to. */
  publicBaseUrl: string | undefined;
  /** Unix seconds the models were listed from (the server's start). */
  listedAt: number;
  /** Aborts when the server starts closing: waiting requests answer at once. */
  closing: AbortSignal;
}
