import { createHmac, timingSafeEqual } from 'node:crypto';

export const kieSignatureToleranceSeconds = 300;

/** The KIE task id a callback is about: `data.taskId`, or `data.task_id` as some samples send. */
export function kieCallbackTaskId(body: unknown): string | undefined {
  const data = (body as { data?: { taskId?: unknown; task_id?: unknown } } | null)?.data;
  const id = data?.taskId ?? data?.task_id;
  return typeof id === 'string' ? id : undefined;
}

/**
 * KIE's optional callback signature (providers.md §1.4): base64 HMAC-SHA256 over
 * `taskId + "." + timestamp`, timestamp in seconds within ±300 s, compared in constant time.
 * It does not cover the body, so a valid callback is only a trigger to ask recordInfo.
 */
export function verifyKieSignature(
  key: string,
  taskId: string,
  timestamp: string | undefined,
  signature: string | undefined,
  nowMs: number,
): boolean {
  if (!timestamp || !signature || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > kieSignatureToleranceSeconds) return false;
  const expected = createHmac('sha256', key).update(`${taskId}.${timestamp}`).digest();
  const given = Buffer.from(signature, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
