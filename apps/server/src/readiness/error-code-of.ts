/**
 * A system, driver or S3 error's code (`ENOENT`, `SQLITE_BUSY`, `AccessDenied`), which says what
 * failed without a path or secret.
 */
export function errorCodeOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z][A-Za-z0-9_]{1,40}$/.test(code) ? code : null;
}

/** `text`, with the error's code in brackets when it has one. */
export function withCodeOf(text: string, error: unknown): string {
  const code = errorCodeOf(error);
  return code ? `${text} (${code})` : text;
}
