import { readGenerationFileRows, type GenerationFileRow } from '@genhub/db';
import type { CoreContext } from '@genhub/core';

/**
 * The stored files of a task's images in order, or of one image by its id: the acting user's
 * (the server's core, for a signed link: anyone's).
 */
export function readGenerationFiles(
  core: Pick<CoreContext, 'data' | 'owner'>,
  by: { taskId: string } | { id: string },
): Promise<GenerationFileRow[]> {
  return readGenerationFileRows(core.data, by, core.owner);
}
