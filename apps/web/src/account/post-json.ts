import { AuthRequestError } from './auth-request-error';
import { readErrorBody } from './read-error-body';

/** POSTs JSON to this server with the session cookie; a refusal throws an AuthRequestError. */
export async function postJson(path: string, body: unknown): Promise<unknown> {
  const response = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const reply: unknown = await response.json().catch(() => null);
  if (response.ok) return reply;
  const { code, message } = readErrorBody(reply);
  const retryAfter = Number(response.headers.get('retry-after'));
  throw new AuthRequestError(
    response.status,
    code,
    message ?? `HTTP ${response.status}`,
    Number.isFinite(retryAfter) && retryAfter > 0 ? Math.ceil(retryAfter) : null,
  );
}
