/**
 * An edit form's text fields as a generation's JSON would carry them: `n` a number, `stream` a
 * boolean; the rest as sent.
 */
export function requestOfForm(fields: ReadonlyMap<string, string>): Record<string, unknown> {
  // fromEntries makes own properties, so a field named `__proto__` is only a field.
  const request: Record<string, unknown> = Object.fromEntries(fields);
  const n = fields.get('n');
  if (n !== undefined) request.n = n.trim() === '' ? undefined : Number(n);
  const stream = fields.get('stream');
  if (stream !== undefined) request.stream = stream === 'true';
  return request;
}
