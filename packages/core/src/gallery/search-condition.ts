import { sql, type SQL } from 'drizzle-orm';
import { integer, sqliteTable } from 'drizzle-orm/sqlite-core';
import { tasks } from '@genhub/db';

/**
 * The FTS5 index of prompts (migration 0008). Declared here, not in the db schema, so
 * drizzle-kit does not try to create it as a plain table.
 */
export const tasksFts = sqliteTable('tasks_fts', { rowid: integer('rowid').notNull() });

/** The trigram index matches words of three characters or more. */
const minIndexedLength = 3;

const likePattern = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface SearchTerms {
  /** An FTS5 query for the words the index can match, or null. */
  match: string | null;
  /** Substring conditions for the shorter words. */
  substrings: SQL[];
}

/**
 * Control characters separate words like spaces: a NUL would end the FTS5 query string early
 * (`unterminated string`), and no prompt is searched for one.
 */
const controlCharacters = /\p{Cc}/gu;

/** One word as an FTS5 string: its operators, column filters and quotes mean nothing there. */
const ftsString = (word: string) => `"${word.replaceAll('"', '""')}"`;

/**
 * Every word of `search` must appear in the prompt, literally (FTS5 syntax included): words
 * of 3+ characters through the FTS5 trigram index (any language, any position in a word),
 * shorter ones as a substring.
 */
export function searchTerms(search: string): SearchTerms {
  const words = search.replace(controlCharacters, ' ').split(/\s+/).filter(Boolean).slice(0, 10);
  const indexed = words.filter((w) => [...w].length >= minIndexedLength);
  return {
    match: indexed.length > 0 ? indexed.map(ftsString).join(' ') : null,
    substrings: words
      .filter((w) => [...w].length < minIndexedLength)
      .map((w) => sql`${tasks.prompt} like ${likePattern(w)} escape '\\'`),
  };
}
