import { collectionName } from '@genhub/core/schemas';

/** A collection name as core accepts it (trimmed, 1–80 characters), or null. */
export function validCollectionName(value: string): string | null {
  const parsed = collectionName.safeParse(value);
  return parsed.success ? parsed.data : null;
}
