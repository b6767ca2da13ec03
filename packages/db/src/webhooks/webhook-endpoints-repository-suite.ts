import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { OpenDataSource } from '../../test/data-source-under-test';
import { useDataSource } from '../../test/use-data-source';
import { exec, rows } from '../data/unit-of-work';
import { deleteEndpointRow } from './delete-endpoint-row';
import { failPendingDeliveries } from './fail-pending-deliveries';
import { findEndpointRow } from './find-endpoint-row';
import { insertEndpointRow } from './insert-endpoint-row';
import { listEndpointRows } from './list-endpoint-rows';
import { updateEndpointRow } from './update-endpoint-row';

const t0 = 1_767_225_600_000;

const endpoint = (id: string, owner: string) => ({
  id,
  owner,
  url: `https://hooks.example/${id}`,
  events: ['task.completed' as const],
  secretSealed: `sealed-${id}`,
  createdAt: t0,
  updatedAt: t0,
});

/** What the webhook endpoints' reads and writes must do on every dialect. */
export function webhookEndpointsRepositorySuite(dialect: string, open: OpenDataSource): void {
  describe(`webhook endpoints (${dialect})`, () => {
    const data = useDataSource(open);

    const ids = async (owner?: string) =>
      (await data().run((d) => listEndpointRows(d, owner))).map((row) => row.id);

    it('stores endpoints up to the cap, also when many are added at once', async () => {
      const added = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          data().transact((tx) => insertEndpointRow(tx, endpoint(`ann-${i}`, 'ann'), 3)),
        ),
      );
      expect(added.filter((row) => row !== null)).toHaveLength(3);
      expect(await ids('ann')).toHaveLength(3);
      const bob = await data().transact((tx) => insertEndpointRow(tx, endpoint('bob-1', 'bob'), 3));
      expect(bob).toMatchObject({ id: 'bob-1', owner: 'bob', enabled: true, description: '' });
      expect(bob?.events).toEqual(['task.completed']);
    });

    it('finds and lists only the owner’s endpoints, oldest first', async () => {
      expect(await data().run((d) => findEndpointRow(d, 'bob-1', 'ann'))).toBeUndefined();
      expect((await data().run((d) => findEndpointRow(d, 'bob-1', 'bob')))?.url).toBe(
        'https://hooks.example/bob-1',
      );
      expect((await data().run((d) => findEndpointRow(d, 'bob-1', undefined)))?.owner).toBe('bob');
      expect(await ids('bob')).toEqual(['bob-1']);
      const all = await ids();
      expect(all).toEqual([...all].sort());
      expect(all).toHaveLength(4);
    });

    it('switches an endpoint off and fails its waiting deliveries in one unit', async () => {
      const { db, t } = data();
      await data().run(function* (d) {
        yield* exec(
          d.db.insert(d.t.webhookDeliveries).values(
            (['pending', 'delivered'] as const).map((status, i) => ({
              id: `delivery-${i}`,
              endpointId: 'bob-1',
              owner: 'bob',
              messageId: `msg-${i}`,
              eventType: 'task.completed' as const,
              payload: '{}',
              status,
              nextAttemptAt: status === 'pending' ? t0 : null,
              createdAt: t0,
              updatedAt: t0,
            })),
          ),
        );
      });
      const updated = await data().transact(function* (tx) {
        yield* failPendingDeliveries(tx, 'bob-1', t0 + 1, 'Not sent: the endpoint was disabled');
        return yield* updateEndpointRow(tx, 'bob-1', { enabled: false, disabledAt: t0 + 1 });
      });
      expect(updated).toMatchObject({ enabled: false, disabledAt: t0 + 1 });
      const deliveries = await data().run(() =>
        rows(
          db
            .select({
              id: t.webhookDeliveries.id,
              status: t.webhookDeliveries.status,
              error: t.webhookDeliveries.lastError,
            })
            .from(t.webhookDeliveries)
            .orderBy(t.webhookDeliveries.id),
        ),
      );
      expect(deliveries).toEqual([
        { id: 'delivery-0', status: 'failed', error: 'Not sent: the endpoint was disabled' },
        { id: 'delivery-1', status: 'delivered', error: null },
      ]);
      expect(
        await data().transact((tx) => updateEndpointRow(tx, 'missing', { updatedAt: t0 })),
      ).toBeUndefined();
    });

    it('deletes an endpoint with its delivery log', async () => {
      await data().run((d) => deleteEndpointRow(d, 'bob-1'));
      expect(await ids('bob')).toEqual([]);
      const left = await data().run(({ db, t }) =>
        rows(
          db.select().from(t.webhookDeliveries).where(eq(t.webhookDeliveries.endpointId, 'bob-1')),
        ),
      );
      expect(left).toEqual([]);
    });
  });
}
