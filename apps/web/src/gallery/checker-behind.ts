import type { Operation } from '@genhub/core/schemas';

/**
 * Whether an image gets the checkerboard that shows transparency: only once it has loaded, and
 * only for what is made to be transparent (a cut-out). A loading tile shows a plain tone, so it
 * never looks like a transparent picture.
 */
export function checkerBehind(operation: Operation, mime: string, loaded: boolean): boolean {
  return loaded && operation === 'remove-background' && mime !== 'image/jpeg';
}
