/**
 * A random key for one logical request: a UUID, or 128 random bits in hex where the platform
 * has no `randomUUID` (a browser page not served over HTTPS).
 */
export function newIdempotencyKey(): string {
  const { crypto } = globalThis;
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
