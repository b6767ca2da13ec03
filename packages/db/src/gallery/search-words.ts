/**
 * Control characters separate words like spaces: a NUL would end an FTS5 query string early
 * (`unterminated string`), and no prompt is searched for one.
 */
const controlCharacters = /\p{Cc}/gu;

/** The words of a gallery search, each to be found in the prompt literally (at most ten). */
export function searchWords(search: string): string[] {
  return search.replace(controlCharacters, ' ').split(/\s+/).filter(Boolean).slice(0, 10);
}

/** A LIKE pattern that finds `word` anywhere, with its wildcards taken literally. */
export const containsPattern = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
