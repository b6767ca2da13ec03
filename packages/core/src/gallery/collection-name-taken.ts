import { CoreError } from '../errors';

/** The acting user already has a collection called `name`. */
export function collectionNameTaken(name: string): CoreError {
  return new CoreError('CONFLICT', `A collection named "${name}" exists`, 'name');
}
