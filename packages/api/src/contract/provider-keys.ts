import { providerKeyView } from '@genhub/core/schemas';
import { z } from 'zod';
import { mutation, query } from './procedure-contract';
import { providerKeyNames } from './provider-key-names';

export const providerKeyName = z.enum(providerKeyNames);

/** A key as pasted: trimmed, then printable ASCII without spaces (it travels in a header). */
export const providerKeyValue = z
  .string()
  .trim()
  .min(1)
  .max(4096)
  .regex(/^[\x21-\x7e]+$/, 'use printable ASCII without spaces or line breaks');

/** Provider keys set while the server runs: stored encrypted, shown back by their last four only. */
export const providerKeysContract = {
  /** Each key the server takes: from the environment (which wins), stored, or not set. */
  list: query({ output: z.array(providerKeyView) }),
  /** Stores a key; that provider's new calls use it at once (unless its variable is set). */
  set: mutation({
    input: z.object({ name: providerKeyName, value: providerKeyValue }),
    output: providerKeyView,
  }),
  /** Forgets a stored key; the environment's, if any, stays in force. */
  clear: mutation({ input: z.object({ name: providerKeyName }), output: providerKeyView }),
};
