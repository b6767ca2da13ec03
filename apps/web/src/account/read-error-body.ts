const text = (value: unknown): string | null =>
  typeof value === 'string' && value.length > 0 ? value : null;

const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;

/**
 * The code and message of an error reply, in either shape the server answers with:
 * `{ error: { code, message } }` (genhub's routes) or `{ code, message }` (better-auth).
 */
export function readErrorBody(body: unknown): { code: string | null; message: string | null } {
  const inner = field(body, 'error');
  const source = typeof inner === 'object' && inner !== null ? inner : body;
  return { code: text(field(source, 'code')), message: text(field(source, 'message')) };
}
