import {
  claimDueDeliveries,
  failPendingDeliveries,
  findEndpointRow,
  type WebhookDeliveryRow,
  type WebhookEndpointRow,
} from '@genhub/db';
import type { CoreContext } from '../context';
import type { TaskEventType } from '../schemas';
import { pruneWebhookDeliveries } from './prune-webhook-deliveries';
import { recordDeliveryAttempt } from './record-delivery-attempt';
import { disableFailingEndpointAfterMs } from './retry-schedule';
import { signWebhook } from './sign-webhook';
import { signingSecrets } from './signing-secrets';
import type { WebhookAttemptOutcome, WebhookSender } from './webhook-sender';
import { webhookSettingsOf } from './webhook-settings';

const hourMs = 60 * 60_000;

export interface WebhookWorkerOptions {
  send: WebhookSender;
  /** Told when an endpoint is disabled for failing (the server records it in the audit log). */
  onEndpointDisabled?: (endpoint: WebhookEndpointRow) => void;
  /** How often due deliveries are looked for besides the wake-ups; default 1 s. */
  pollMs?: number;
  /** Attempts under way at once; default 8. */
  concurrency?: number;
  /** An endpoint whose every attempt failed for this long is disabled; default 5 days. */
  disableAfterMs?: number;
  /** Delivered and failed deliveries are deleted after this long; default 30 days. */
  keepDeliveriesMs?: number;
  /**
   * How long an attempt holds its delivery against other instances; default 2 minutes, longer
   * than a send may take. A delivery whose sender stopped mid-attempt is due again after it.
   */
  claimMs?: number;
}

/** Task changes that may have queued deliveries. */
const wakingTypes = new Set<TaskEventType>(['completed', 'failed', 'canceled']);

/**
 * Sends due deliveries. Their state is in the database, so a restart resumes them: the worker
 * looks at start, on a timer, and when a task ends or a delivery is queued. It reads time from
 * the context's clock, so tests drive the retry schedule with a fake one (`runDue`).
 */
export class WebhookWorker {
  private readonly inFlight = new Map<string, Promise<void>>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  private unsubscribes: (() => void)[] = [];
  private prunedAt = Number.NEGATIVE_INFINITY;
  /** The scan under way: scans take turns, so each counts the attempts the one before started. */
  private scanning: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly ctx: CoreContext,
    private readonly options: WebhookWorkerOptions,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribes = [
      this.ctx.bus.subscribe((event) => {
        if (wakingTypes.has(event.type)) this.wake();
      }),
      webhookSettingsOf(this.ctx).enqueued.subscribe(() => this.wake()),
    ];
    this.wake();
  }

  /** Stops looking and waits for the attempts under way; what is still due waits for the next start. */
  async stop(): Promise<void> {
    this.running = false;
    for (const unsubscribe of this.unsubscribes) unsubscribe();
    this.unsubscribes = [];
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    // A scan that was claiming when stopped starts its attempts: wait for them too.
    await this.scanning;
    await Promise.allSettled([...this.inFlight.values()]);
  }

  /** Starts every due delivery there is room for; resolves when their outcomes are written. */
  async runDue(): Promise<void> {
    const scan = this.scanning.then(() => this.startDue());
    this.scanning = scan.catch(() => undefined);
    await Promise.all(await scan);
  }

  /** Claims what is due and starts its attempts; the attempts as they run. */
  private async startDue(): Promise<Promise<void>[]> {
    const now = this.ctx.clock.now();
    await this.prune(now);
    const room = (this.options.concurrency ?? 8) - this.inFlight.size;
    if (room <= 0) return [];
    // Each attempt is this instance's alone: its claim keeps it from other instances sharing
    // the database (and from this one's next scans) until `claimMs` runs out; one still under
    // way then is skipped here.
    const claimed = await this.ctx.data.run((data) =>
      claimDueDeliveries(data, {
        now,
        until: now + (this.options.claimMs ?? 2 * 60_000),
        limit: room,
        skip: [...this.inFlight.keys()],
      }),
    );
    return claimed.map((row) => this.track(row));
  }

  private track(row: WebhookDeliveryRow): Promise<void> {
    const attempt = this.attempt(row)
      .catch((error: unknown) => {
        this.ctx.log.error({ err: error, deliveryId: row.id }, 'a webhook attempt failed');
      })
      .finally(() => {
        this.inFlight.delete(row.id);
        this.wake();
      });
    this.inFlight.set(row.id, attempt);
    return attempt;
  }

  /** Looks for due work as soon as the event loop is free, then every `pollMs`. */
  private wake(): void {
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.tick(), 0);
  }

  private tick(): void {
    this.timer = setTimeout(() => this.tick(), this.options.pollMs ?? 1000);
    this.timer.unref();
    this.runDue().catch((error: unknown) => {
      this.ctx.log.error({ err: error }, 'could not look for due webhook deliveries');
    });
  }

  private async prune(now: number): Promise<void> {
    if (now - this.prunedAt < hourMs) return;
    this.prunedAt = now;
    await pruneWebhookDeliveries(
      this.ctx,
      now - (this.options.keepDeliveriesMs ?? 30 * 24 * hourMs),
    );
  }

  private async attempt(row: WebhookDeliveryRow): Promise<void> {
    const { ctx } = this;
    const endpoint = await ctx.data.run((data) => findEndpointRow(data, row.endpointId, undefined));
    if (!endpoint) return;
    const now = ctx.clock.now();
    if (!endpoint.enabled) {
      await ctx.data.run((data) =>
        failPendingDeliveries(data, endpoint.id, now, 'Not sent: the endpoint is disabled'),
      );
      return;
    }
    const outcome = await this.send(row, endpoint, now);
    const disabled = await recordDeliveryAttempt(ctx, {
      deliveryId: row.id,
      endpointId: row.endpointId,
      outcome,
      at: ctx.clock.now(),
      disableAfterMs: this.options.disableAfterMs ?? disableFailingEndpointAfterMs,
    });
    if (disabled) this.options.onEndpointDisabled?.(disabled);
  }

  private async send(
    row: WebhookDeliveryRow,
    endpoint: WebhookEndpointRow,
    now: number,
  ): Promise<WebhookAttemptOutcome> {
    const secrets = signingSecrets(webhookSettingsOf(this.ctx).secrets, endpoint, now);
    if (secrets === null) {
      return {
        statusCode: null,
        error:
          'Not sent: the signing secret cannot be decrypted (was SECRET_KEY changed?); rotate it',
      };
    }
    const signed = signWebhook(secrets, row.messageId, Math.floor(now / 1000), row.payload);
    try {
      return await this.options.send({
        url: endpoint.url,
        headers: { ...signed, 'content-type': 'application/json' },
        body: row.payload,
      });
    } catch (error) {
      this.ctx.log.error({ err: error, deliveryId: row.id }, 'the webhook sender threw');
      return { statusCode: null, error: 'The delivery failed unexpectedly' };
    }
  }
}
