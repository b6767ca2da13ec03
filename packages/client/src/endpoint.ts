/** The server's base URL with a trailing slash, so paths resolve under it (behind a prefix too). */
export function baseUrl(url: string): URL {
  return new URL(url.endsWith('/') ? url : `${url}/`);
}

/**
 * A path of the server's (`trpc`, `/files/…` as it answers them) under the base URL; an
 * absolute URL stays as it is.
 */
export function endpoint(base: URL, path: string): URL {
  if (/^[a-z][a-z\d+.-]*:/i.test(path)) return new URL(path);
  return new URL(path.replace(/^\/+/, ''), base);
}
