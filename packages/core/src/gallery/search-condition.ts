import { sql, type SQL } from 'drizzle-orm';
import { tasks } from '@genhub/db';

/** The trigram index matches words of three characters or more. */
const minIndexedLength = 3;

const likePattern = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Every word of `search` must appear in the prompt: words of 3+ characters through the FTS5
 * trigram index (any language, any position in a word), shorter ones as a substring.
 */
export function searchCondition(search: string): SQL | undefined {
  const words = search.split(/\s+/).filter(Boolean).slice(0, 10);
  if (words.length === 0) return undefined;
  const indexed = words.filter((w) => [...w].length >= minIndexedLength);
  const short = words.filter((w) => [...w].length < minIndexedLength);
  const parts: SQL[] = [];
  if (indexed.length > 0) {
    const match = indexed.map((w) => `"${w.replaceAll('"', '""')}"`).join(' ');
    parts.push(sql`${tasks}.rowid in (select rowid from tasks_fts where tasks_fts match ${match})`);
  }
  for (const word of short) parts.push(sql`${tasks.prompt} like ${likePattern(word)} escape '\\'`);
  return sql.join(parts, sql` and `);
}
