import { invalidParam, OpenAiError } from './openai-error';
import { imageRequest, type ImageRequest } from './image-request';

/** A request body (or an edit's form fields) as an {@link ImageRequest}, or a 400 naming the field. */
export function parseImageRequest(body: unknown): ImageRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new OpenAiError(
      400,
      'invalid_request_error',
      'invalid_body',
      'Send the request as a JSON object',
    );
  }
  const parsed = imageRequest.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const param = String(issue?.path[0] ?? 'body');
  throw invalidParam(param, `Invalid '${param}': ${issue?.message ?? 'not valid'}`);
}
