import { collection, collectionItemsInput, collectionName } from '@genhub/core/schemas';
import { z } from 'zod';
import { mutation, query } from './procedure-contract';

const collectionId = z.object({ id: z.string().min(1) });
const changed = z.object({ changed: z.number().int() });

export const collectionContract = {
  list: query({ output: z.array(collection) }),
  create: mutation({ input: z.object({ name: collectionName }), output: collection }),
  rename: mutation({ input: collectionId.extend({ name: collectionName }), output: collection }),
  delete: mutation({ input: collectionId, output: z.object({ ok: z.literal(true) }) }),
  add: mutation({ input: collectionItemsInput, output: changed }),
  remove: mutation({ input: collectionItemsInput, output: changed }),
};
