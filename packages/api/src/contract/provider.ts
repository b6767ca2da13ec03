import { providerInfo } from '@genhub/core/schemas';
import { z } from 'zod';
import { query } from './procedure-contract';

export const providerContract = {
  /** Every provider with its models, their capabilities and prices, and whether it is set up. */
  list: query({ output: z.array(providerInfo) }),
};
