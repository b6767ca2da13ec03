import type { z } from 'zod';
import { ProviderError } from './types';

/**
 * A vendor's reply checked against the shape it documents; anything else is the vendor's
 * fault (retryable), named without echoing the reply.
 */
export function parseReply<S extends z.ZodType>(
  schema: S,
  body: unknown,
  provider: string,
  what: string,
): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new ProviderError('provider_unavailable', `${provider} sent ${what} genhub cannot read`);
  return parsed.data;
}

/** JSON text checked against a schema, or undefined when it is not JSON or not that shape. */
export function parseJsonText<S extends z.ZodType>(
  schema: S,
  text: string,
): z.output<S> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}
