/** One broken expectation, with what was sent and what came back. */
export interface Failure {
  /** Which expectation: `status < 500`, `answers`, `error shape`, `no leak`, or a security property. */
  check: string;
  /** The procedure path or route pattern. */
  target: string;
  label: string;
  status: number | null;
  /** What was sent, shortened. */
  input: string;
  /** What came back, shortened. */
  output: string;
  detail: string;
}

/** Text for a report: at most `max` characters, control characters escaped. */
export function excerpt(value: string | Buffer | undefined, max = 240): string {
  if (value === undefined) return '';
  const text = typeof value === 'string' ? value : value.subarray(0, max * 4).toString('utf8');
  const short = text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
  return JSON.stringify(short).slice(1, -1);
}
