import { z } from 'zod';
import { envVariableSchemas } from '../env';
import { providerKeyNames } from './provider-key-names';

export const providerKeyName = z.enum(providerKeyNames);

/** A key as pasted: trimmed, then printable ASCII without spaces (it travels in a header). */
const providerKeyValue = z
  .string()
  .trim()
  .min(1)
  .max(4096)
  .regex(/^[\x21-\x7e]+$/, 'use printable ASCII without spaces or line breaks');

/** A key to store: its name, and a value that its environment variable would accept too. */
export const setProviderKeyInput = z
  .object({ name: providerKeyName, value: providerKeyValue })
  .superRefine(({ name, value }, ctx) => {
    const checked = envVariableSchemas[name].safeParse(value);
    for (const issue of checked.error?.issues ?? []) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: issue.message });
    }
  });
