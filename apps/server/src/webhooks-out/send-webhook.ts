import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import {
  allowedHostKey,
  isDelivered,
  webhookUrlProblem,
  type WebhookAttemptOutcome,
  type WebhookRequest,
  type WebhookSender,
} from '@genhub/core';
import { describeSendFailure } from './describe-send-failure';
import { publicOnlyLookup } from './public-only-lookup';

export interface WebhookSendPolicy {
  /** `host:port` pairs that may be plain http and private (WEBHOOK_ALLOW_HOSTS: tests). */
  allowHosts: ReadonlySet<string>;
  /** The whole exchange (connect, answer, body read) must end within this. */
  timeoutMs: number;
}

/** Bytes of a refusal's body kept as its reason. */
const snippetBytes = 512;
const snippetChars = 200;

/** A non-2xx answer's status and the start of its body, as one short line. */
function reasonOf(response: IncomingMessage, body: Buffer): string {
  const text = body.toString('utf8').replace(/\s+/g, ' ').trim().slice(0, snippetChars);
  const status = response.statusCode ?? 0;
  const redirect = status >= 300 && status < 400 ? ' (redirects are not followed)' : '';
  return `HTTP ${status}${redirect}${text ? `: ${text}` : ''}`;
}

/** Reads up to `snippetBytes` of a refusal, then lets the connection go. */
function readAnswer(response: IncomingMessage): Promise<WebhookAttemptOutcome> {
  const statusCode = response.statusCode ?? 0;
  if (isDelivered({ statusCode, error: null })) {
    response.resume();
    return Promise.resolve({ statusCode, error: null });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      response.destroy();
      resolve({ statusCode, error: reasonOf(response, Buffer.concat(chunks)) });
    };
    response.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.byteLength;
      if (size >= snippetBytes) done();
    });
    response.on('end', done);
    response.on('error', done);
  });
}

/** One POST of a signed delivery: no redirects followed, bounded in time, addresses checked. */
function sendOnce(
  request: WebhookRequest,
  policy: WebhookSendPolicy,
): Promise<WebhookAttemptOutcome> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return Promise.resolve({ statusCode: null, error: 'Not sent: the URL is not valid' });
  }
  const problem = webhookUrlProblem(url, policy.allowHosts);
  if (problem) return Promise.resolve({ statusCode: null, error: `Not sent: ${problem}` });
  const allowed = policy.allowHosts.has(allowedHostKey(url));
  const body = Buffer.from(request.body, 'utf8');
  const deadline = AbortSignal.timeout(policy.timeoutMs);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const req = send(
      url,
      {
        method: 'POST',
        headers: {
          ...request.headers,
          'content-length': String(body.byteLength),
          'user-agent': 'genhub-webhooks/1',
        },
        signal: deadline,
        ...(allowed ? {} : { lookup: publicOnlyLookup }),
      },
      (response) => void readAnswer(response).then(resolve),
    );
    req.on('error', (error) =>
      resolve({
        statusCode: null,
        error: describeSendFailure(error, deadline.aborted, policy.timeoutMs),
      }),
    );
    req.end(body);
  });
}

/** The worker's transport: signed deliveries over http(s), SSRF-guarded at connect time. */
export function createWebhookSender(policy: WebhookSendPolicy): WebhookSender {
  return (request) => sendOnce(request, policy);
}
