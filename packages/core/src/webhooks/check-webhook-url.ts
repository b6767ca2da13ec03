import { CoreError } from '../errors';
import { webhookUrlProblem } from './webhook-url-problem';

/** Refuses, as the `url` field's error, a URL webhooks may not be sent to. */
export function checkWebhookUrl(url: string, allowHosts: ReadonlySet<string>): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CoreError('INVALID_INPUT', 'The URL is not valid', 'url');
  }
  const problem = webhookUrlProblem(parsed, allowHosts);
  if (problem) throw new CoreError('INVALID_INPUT', problem, 'url');
}
