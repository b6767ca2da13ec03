import { z } from 'zod';
import { codeOfStatus } from './code-of-status';
import { isGenhubErrorCode } from './error-codes';
import { GenhubError } from './genhub-error';

/** How genhub's plain HTTP routes answer a failure. */
const errorEnvelope = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** A failed HTTP answer as a GenhubError: the envelope's message, a code by the status. */
export async function errorFromResponse(response: Response): Promise<GenhubError> {
  const { status } = response;
  const text = await response.text().catch(() => '');
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON (a proxy's error page): the status says enough.
  }
  const envelope = errorEnvelope.safeParse(body);
  if (!envelope.success) {
    return new GenhubError(codeOfStatus(status), `genhub answered HTTP ${status}`, { status });
  }
  const { code, message } = envelope.data.error;
  // The routes' own codes (INVALID_INPUT, IMAGE_TOO_LARGE…) are read by their status.
  return new GenhubError(isGenhubErrorCode(code) ? code : codeOfStatus(status), message, {
    status,
  });
}
