/** An epoch-ms time as a date and time in `language`; null as a dash. */
export function formatTime(ms: number | null, language: string): string {
  if (ms === null) return '–';
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}
