/** The test admin's API key by server URL: clients and fetches made for that URL present it. */
const keysByUrl = new Map<string, string>();

export function rememberKey(url: string, key: string): void {
  keysByUrl.set(url, key);
}

export function forgetKey(url: string): void {
  keysByUrl.delete(url);
}

export function keyFor(url: string): string | undefined {
  return keysByUrl.get(url);
}

/** `Authorization` for the server's test admin, for a plain `fetch` (none if signed out). */
export function authHeaders(url: string): Record<string, string> {
  const key = keysByUrl.get(url);
  return key ? { authorization: `Bearer ${key}` } : {};
}
