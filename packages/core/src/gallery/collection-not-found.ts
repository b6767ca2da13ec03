import { CoreError } from '../errors';

/** The acting user has no collection `id`. */
export function collectionNotFound(id: string): CoreError {
  return new CoreError('NOT_FOUND', `Collection ${id} does not exist`, 'collectionId');
}
