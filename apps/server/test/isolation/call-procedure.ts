import { z } from 'zod';
import type { ProcedureType } from '../fuzz/list-procedures';

const trpcAnswer = z
  .object({
    error: z
      .object({ data: z.object({ code: z.string() }).loose() })
      .loose()
      .optional(),
  })
  .loose();

export interface ProcedureAnswer {
  status: number;
  /** The whole body as text, to look for another user's ids in it. */
  text: string;
  /** tRPC's error code (`NOT_FOUND`, …), or null for a result. */
  error: string | null;
}

/** One query or mutation over tRPC's plain HTTP format, as any HTTP client would send it. */
export async function callProcedure(
  url: string,
  path: string,
  type: Exclude<ProcedureType, 'subscription'>,
  input: unknown,
  headers: Record<string, string>,
): Promise<ProcedureAnswer> {
  const encoded = input === undefined ? '' : encodeURIComponent(JSON.stringify(input));
  const res =
    type === 'query'
      ? await fetch(`${url}/trpc/${path}${encoded ? `?input=${encoded}` : ''}`, { headers })
      : await fetch(`${url}/trpc/${path}`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: input === undefined ? '{}' : JSON.stringify(input),
        });
  const text = await res.text();
  const body = trpcAnswer.parse(JSON.parse(text));
  return { status: res.status, text, error: body.error?.data.code ?? null };
}
