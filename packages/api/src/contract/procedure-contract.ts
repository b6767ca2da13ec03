import type { z } from 'zod';

/** One procedure of the API: its kind, what it takes (nothing when `input` is absent) and gives. */
export interface ProcedureContract<
  TKind extends 'query' | 'mutation' | 'subscription' = 'query' | 'mutation' | 'subscription',
  TInput extends z.ZodType | undefined = z.ZodType | undefined,
  TOutput extends z.ZodType = z.ZodType,
> {
  kind: TKind;
  input: TInput;
  /** What a query or mutation answers; for a subscription, each event it sends. */
  output: TOutput;
  /** A subscription whose events carry an id to resume from (`lastEventId`). */
  tracked?: boolean;
}

/** A tree of procedure contracts, as the router nests them. */
export interface ContractRecord {
  [key: string]: ProcedureContract | ContractRecord;
}

const define =
  <TKind extends 'query' | 'mutation'>(kind: TKind) =>
  <TOutput extends z.ZodType, TInput extends z.ZodType | undefined = undefined>(spec: {
    input?: TInput;
    output: TOutput;
  }): ProcedureContract<TKind, TInput, TOutput> => ({
    kind,
    input: spec.input as TInput,
    output: spec.output,
  });

export const query = define('query');
export const mutation = define('mutation');

/** A stream of events; `tracked` ones carry their id and resume after `lastEventId`. */
export const subscription = <
  TEvent extends z.ZodType,
  TTracked extends boolean,
  TInput extends z.ZodType | undefined = undefined,
>(spec: {
  input?: TInput;
  event: TEvent;
  tracked: TTracked;
}): ProcedureContract<'subscription', TInput, TEvent> & { tracked: TTracked } => ({
  kind: 'subscription',
  input: spec.input as TInput,
  output: spec.event,
  tracked: spec.tracked,
});
