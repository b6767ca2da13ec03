import { appContract } from '@genhub/api';
import { envVariableSchemas } from '../env';

/** A key to store: the contract's shape, with a value its environment variable would accept too. */
export const setProviderKeyInput = appContract.admin.providerKeys.set.input.superRefine(
  ({ name, value }, ctx) => {
    const checked = envVariableSchemas[name].safeParse(value);
    for (const issue of checked.error?.issues ?? []) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: issue.message });
    }
  },
);
