import type {
  TRPCBuiltRouter,
  TRPCDefaultErrorShape,
  TRPCMutationProcedure,
  TRPCQueryProcedure,
  TRPCSubscriptionProcedure,
} from '@trpc/server';
// tRPC names the type of a tracked event's id and data only in its internal entry point.
import type { TrackedData } from '@trpc/server/unstable-core-do-not-import';
import type { z } from 'zod';
import type { ContractRecord, ProcedureContract } from './procedure-contract';

type InputOf<C> = C extends { input: infer I extends z.ZodType } ? z.input<I> : void;
type OutputOf<C> = C extends { output: infer O extends z.ZodType } ? z.output<O> : never;
type EventsOf<C> = C extends { tracked: true }
  ? AsyncIterable<TrackedData<OutputOf<C>>, undefined>
  : AsyncIterable<OutputOf<C>, void, undefined>;

type ProcedureOf<C extends ProcedureContract> = C['kind'] extends 'query'
  ? TRPCQueryProcedure<{ input: InputOf<C>; output: OutputOf<C>; meta: object }>
  : C['kind'] extends 'mutation'
    ? TRPCMutationProcedure<{ input: InputOf<C>; output: OutputOf<C>; meta: object }>
    : TRPCSubscriptionProcedure<{ input: InputOf<C>; output: EventsOf<C>; meta: object }>;

/** The procedures a contract tree describes, as tRPC's client types read them. */
export type ProceduresOf<C extends ContractRecord> = {
  [K in keyof C]: C[K] extends ProcedureContract
    ? ProcedureOf<C[K]>
    : C[K] extends ContractRecord
      ? ProceduresOf<C[K]>
      : never;
};

/** Every error's `data`: tRPC's, plus the input field it concerns when there is one. */
export type ApiErrorShape = TRPCDefaultErrorShape & {
  data: TRPCDefaultErrorShape['data'] & { field: string | null };
};

/**
 * A router type built from a contract alone: what clients need to call the API, with no
 * context, database or server types in it.
 */
export type RouterOf<C extends ContractRecord> = TRPCBuiltRouter<
  { ctx: object; meta: object; errorShape: ApiErrorShape; transformer: false },
  ProceduresOf<C>
>;
