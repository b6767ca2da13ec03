import type { AppRouter as ContractRouter } from '@genhub/api';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from './router';

type Same<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

type Mismatch<A, B> = {
  [K in keyof A | keyof B]: K extends keyof A
    ? K extends keyof B
      ? Same<A[K], B[K]> extends true
        ? never
        : A[K] extends Record<string, unknown>
          ? B[K] extends Record<string, unknown>
            ? Mismatch<A[K], B[K]>
            : K
          : K
      : K
    : K;
}[keyof A | keyof B];

/** Compiles only when nothing differs: the error names the procedures that do. */
type NothingDiffers<T extends never> = T;

/**
 * The router serves exactly the contract clients are typed by: a procedure added, removed or
 * changed on one side only fails to compile here.
 */
export type RouterMatchesContract = [
  NothingDiffers<Mismatch<inferRouterInputs<AppRouter>, inferRouterInputs<ContractRouter>>>,
  NothingDiffers<Mismatch<inferRouterOutputs<AppRouter>, inferRouterOutputs<ContractRouter>>>,
];
