import { accountContract, authContract } from './account';
import { adminContract } from './admin';
import { assetContract } from './asset';
import { collectionContract } from './collection';
import { generationContract } from './generation';
import { planContract } from './plan';
import { providerContract } from './provider';
import { queueContract } from './queue';
import { taskContract } from './task';
import { webhooksContract } from './webhooks';

/** Every tRPC procedure genhub serves: what it takes and what it answers. */
export const appContract = {
  task: taskContract,
  provider: providerContract,
  queue: queueContract,
  account: accountContract,
  plan: planContract,
  generation: generationContract,
  collection: collectionContract,
  asset: assetContract,
  auth: authContract,
  admin: adminContract,
  webhooks: webhooksContract,
};
