import { appContract } from '@genhub/api';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  redeliverWebhook,
  rotateWebhookSecret,
  sendTestWebhook,
  updateWebhookEndpoint,
} from '@genhub/core';
import { router } from '../trpc/init';
import { generateProcedure, readProcedure } from '../trpc/procedures';

const { endpoints: e, deliveries: d } = appContract.webhooks;

/** The caller's outgoing webhooks: each user sees and changes only their own. */
export const webhooksRouter = router({
  endpoints: router({
    list: readProcedure.output(e.list.output).query(({ ctx }) => listWebhookEndpoints(ctx.core)),
    create: generateProcedure
      .input(e.create.input)
      .output(e.create.output)
      .mutation(({ ctx, input }) => createWebhookEndpoint(ctx.core, input)),
    update: generateProcedure
      .input(e.update.input)
      .output(e.update.output)
      .mutation(({ ctx, input }) => updateWebhookEndpoint(ctx.core, input)),
    delete: generateProcedure
      .input(e.delete.input)
      .output(e.delete.output)
      .mutation(({ ctx, input }) => deleteWebhookEndpoint(ctx.core, input.id)),
    rotateSecret: generateProcedure
      .input(e.rotateSecret.input)
      .output(e.rotateSecret.output)
      .mutation(({ ctx, input }) => rotateWebhookSecret(ctx.core, input.id)),
    test: generateProcedure
      .input(e.test.input)
      .output(e.test.output)
      .mutation(({ ctx, input }) => sendTestWebhook(ctx.core, input.id)),
  }),
  deliveries: router({
    list: readProcedure
      .input(d.list.input)
      .output(d.list.output)
      .query(({ ctx, input }) => listWebhookDeliveries(ctx.core, input)),
    redeliver: generateProcedure
      .input(d.redeliver.input)
      .output(d.redeliver.output)
      .mutation(({ ctx, input }) => redeliverWebhook(ctx.core, input.id)),
  }),
});
