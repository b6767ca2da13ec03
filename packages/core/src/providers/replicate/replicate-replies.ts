import { z } from 'zod';

/** A prediction, as created, polled and delivered to a webhook. */
export const replicatePrediction = z.object({
  id: z.string().min(1),
  status: z.enum(['starting', 'processing', 'succeeded', 'failed', 'canceled']),
  /** One URI for these models; a list or null elsewhere. */
  output: z.union([z.string(), z.array(z.string()), z.null()]).optional(),
  error: z.string().nullish().catch(null),
  urls: z.object({ get: z.string().min(1), cancel: z.string().min(1).optional() }),
});

/** What a webhook must name: the prediction it is about. */
export const replicateWebhookBody = z.object({ id: z.string().min(1) });

/** `POST /v1/files`: the stored file; the model is given `urls.get`. */
export const replicateFile = z.object({
  id: z.string().min(1),
  urls: z.object({ get: z.string().min(1) }),
});

/** An API error (problem details). */
export const replicateErrorBody = z.object({
  title: z.string().optional(),
  detail: z.string().optional(),
});
