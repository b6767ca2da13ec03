/**
 * An http(s) origin (`scheme://host[:port]`, nothing after it) in its normal form, as
 * `URL#origin` writes it; null for anything else, including the opaque origin `null`.
 */
export function parseOrigin(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  const bare =
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.pathname === '/' &&
    !url.search &&
    !url.hash &&
    !url.username &&
    !url.password &&
    !/[?#]/.test(text);
  return bare ? url.origin : null;
}
