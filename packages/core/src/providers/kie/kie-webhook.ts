import { createHmac, timingSafeEqual } from 'node:crypto';
import { parseJsonText } from '../parse-reply';
import { kieCallback } from './kie-replies';

export const kieSignatureToleranceSeconds = 300;

export interface KieCallback {
  /** `data.taskId`, or `data.task_id` as some samples send. */
  taskId: string | undefined;
  creditsConsumed: number | undefined;
}

/** What genhub reads of a callback body, or undefined when it is not one. */
export function readKieCallback(rawBody: Buffer): KieCallback | undefined {
  return parseJsonText(kieCallback, rawBody.toString('utf8'))?.data;
}

/**
 * KIE's optional callback signature: base64 HMAC-SHA256 over `taskId + "." + timestamp`,
 * timestamp in seconds within ±300 s, compared in constant time. It does not cover the body:
 * the result is confirmed by recordInfo, and only the credits figure is taken from the body.
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
