/** A shorter value shows no tail: four characters would give most of it away. */
const shortestWithTail = 8;

/** The only part of a key ever shown back: its last four characters. */
export function lastFour(value: string): string {
  return value.length >= shortestWithTail ? value.slice(-4) : '';
}
