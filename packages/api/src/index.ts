import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { appContract } from './contract/app-contract';
import type { RouterOf } from './contract/router-of-contract';

/** The router's type, built from the contract alone: what typed clients (the SPA, the client package) use. */
export type AppRouter = RouterOf<typeof appContract>;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export { appContract } from './contract/app-contract';
export type { ApiErrorShape, ProceduresOf, RouterOf } from './contract/router-of-contract';
export type { ContractRecord, ProcedureContract } from './contract/procedure-contract';
export * from './contract/account-fields';
export * from './contract/account-inputs';
export * from './contract/provider-key-names';
export { providerKeyName, providerKeyValue } from './contract/provider-keys';
export {
  balanceLine,
  createdKey,
  ownKey,
  viewer,
  type BalanceLine,
  type OwnKey,
  type Viewer,
} from './contract/account';
export {
  auditItem,
  auditPage,
  userSummary,
  type AuditPage,
  type UserSummary,
} from './contract/admin';
export { errorEnvelope, type ErrorEnvelopeBody } from './http/error-envelope';
export { filesPrefix, httpContract } from './http/routes';
