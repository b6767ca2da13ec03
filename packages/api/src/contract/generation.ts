import { galleryQuery, idsInput, starInput, taskPage } from '@genhub/core/schemas';
import { z } from 'zod';
import { mutation, query } from './procedure-contract';

const changed = z.object({ changed: z.number().int() });

/** The gallery: a generation is one request (a task) and the images it made. */
export const generationContract = {
  /** Filtered, searched, keyset-paginated; `lastEventId` is the cursor to subscribe from. */
  list: query({ input: galleryQuery, output: taskPage }),
  star: mutation({ input: starInput, output: changed }),
  /** To the trash (undo with `restore`); the trash empties after TRASH_RETENTION_DAYS. */
  delete: mutation({ input: idsInput, output: changed }),
  restore: mutation({ input: idsInput, output: changed }),
  emptyTrash: mutation({ output: z.object({ deleted: z.number().int() }) }),
};
