/** One attempt's HTTP request: the endpoint's URL, the signed headers, the exact body. */
export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * How an attempt went: the answer's status (null when none came: timeout, refused address,
 * network error) and, unless it is a 2xx, a short reason.
 */
export interface WebhookAttemptOutcome {
  statusCode: number | null;
  error: string | null;
}

/** Sends one attempt; it answers with the outcome rather than throwing. */
export type WebhookSender = (request: WebhookRequest) => Promise<WebhookAttemptOutcome>;

/** A 2xx is delivered; anything else is tried again (Standard Webhooks). */
export const isDelivered = (outcome: WebhookAttemptOutcome): boolean =>
  outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;
