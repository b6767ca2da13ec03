import { z } from 'zod';

/** The queue's answer to a submission. */
export const falSubmitReply = z.object({
  request_id: z.string().min(1),
  status_url: z.string().min(1),
  response_url: z.string().min(1),
  cancel_url: z.string().min(1).optional(),
});

/** A status poll: 202 while queued or running, 200 once completed. */
export const falStatusReply = z.object({
  status: z.enum(['IN_QUEUE', 'IN_PROGRESS', 'COMPLETED']),
});

/** A completed request's result: the model's output. */
export const falResultReply = z.object({
  images: z.array(z.object({ url: z.string().min(1) })).default([]),
});

/** What `/storage/upload/initiate` returns: where to PUT the bytes, and the file's URL after. */
export const falUploadReply = z.object({
  upload_url: z.string().min(1),
  file_url: z.string().min(1),
});

/** A failure: a validation list (FastAPI style) or an infrastructure message with its type. */
export const falErrorBody = z.object({
  detail: z
    .union([
      z.string(),
      z.array(
        z.object({
          loc: z.array(z.union([z.string(), z.number()])).optional(),
          msg: z.string().optional(),
          type: z.string().optional(),
        }),
      ),
    ])
    .optional(),
  error_type: z.string().optional(),
});

/** A webhook delivery; `request_id` is the queue's id, the same on every retried delivery. */
export const falWebhookBody = z.object({
  request_id: z.string().min(1),
  gateway_request_id: z.string().optional(),
  status: z.enum(['OK', 'ERROR']),
});

/** fal's webhook signing keys. */
export const falJwksReply = z.object({
  keys: z.array(
    z.object({ kty: z.string(), crv: z.string().optional(), x: z.string().optional() }),
  ),
});
