import { asc } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { OpenDataSource } from '../../test/data-source-under-test';
import { expectNumbers } from '../../test/expect-numbers';
import { t0, taskRow } from '../../test/task-row';
import { useDataSource } from '../../test/use-data-source';
import type { DataSource } from '../data/data-source';
import { exec, rows } from '../data/unit-of-work';
import type { webhookDeliveries } from '../webhook-schema';
import { claimDueDeliveries } from './claim-due-deliveries';
import { countOpenPlanTasks } from './count-open-plan-tasks';
import { findDeliveryRow } from './find-delivery-row';
import { insertDeliveryRow } from './insert-delivery-row';
import { listDeliveryRows } from './list-delivery-rows';
import { listEnabledEndpoints } from './list-enabled-endpoints';
import { lockEndpoint } from './lock-endpoint';
import { pruneDeliveryRows } from './prune-delivery-rows';
import { updatePendingDeliveryRow } from './update-pending-delivery-row';

const endpoint = (id: string, owner: string, enabled = true) => ({
  id,
  owner,
  url: `https://hooks.example/${id}`,
  events: ['task.completed' as const, 'plan.finished' as const],
  enabled,
  secretSealed: `sealed-${id}`,
  createdAt: t0,
  updatedAt: t0,
});

type NewDelivery = typeof webhookDeliveries.$inferInsert;
type Status = NewDelivery['status'];

/** A delivery; ids sort by creation, as the app's do. */
function delivery(
  n: number,
  endpointId: string,
  status: Status,
  nextAttemptAt: number | null = null,
): NewDelivery {
  return {
    id: `delivery-${String(n).padStart(2, '0')}`,
    endpointId,
    owner: endpointId.split('-')[0] ?? '',
    messageId: `msg-${n}`,
    eventType: 'task.completed',
    payload: `{"n":${n}}`,
    status,
    attempts: status === 'pending' ? 0 : 1,
    nextAttemptAt,
    createdAt: t0 + n,
    updatedAt: t0 + n,
  };
}

/** Due at `now`: 03 (soonest), 05, 01; 06 later; 02 and 04 ended. */
const now = t0 + 100;
const seeded = [
  delivery(1, 'ann-1', 'pending', t0 + 30),
  delivery(2, 'ann-2', 'delivered'),
  delivery(3, 'bob-1', 'pending', t0 + 10),
  delivery(4, 'ann-1', 'failed'),
  delivery(5, 'ann-1', 'pending', t0 + 20),
  delivery(6, 'ann-1', 'pending', t0 + 1_000),
];

const idsOf = (found: { id: string }[]) => found.map((row) => row.id.replace('delivery-', ''));

/** What the webhook deliveries' reads and writes must do on every dialect. */
export function webhookDeliveriesRepositorySuite(dialect: string, open: OpenDataSource): void {
  describe(`webhook deliveries (${dialect})`, () => {
    const data = useDataSource(open, (d) =>
      d.run(function* ({ db, t }) {
        yield* exec(
          db
            .insert(t.webhookEndpoints)
            .values([
              endpoint('ann-1', 'ann'),
              endpoint('ann-2', 'ann'),
              endpoint('ann-off', 'ann', false),
              endpoint('bob-1', 'bob'),
            ]),
        );
        yield* exec(
          db
            .insert(t.tasks)
            .values([
              taskRow('task-1', { planId: 'plan-a', status: 'completed' }),
              taskRow('task-2', { planId: 'plan-a', status: 'processing' }),
              taskRow('task-3', { planId: 'plan-a', status: 'pending' }),
              taskRow('task-4', { planId: 'plan-b', status: 'failed' }),
              taskRow('task-5', { planId: 'plan-b', status: 'canceled' }),
            ]),
        );
      }),
    );
    beforeEach(() =>
      data().run(function* ({ db, t }) {
        yield* exec(db.delete(t.webhookDeliveries));
        yield* exec(db.insert(t.webhookDeliveries).values(seeded));
      }),
    );

    const claim = (d: DataSource, limit: number, at = now, skip?: string[]) =>
      claimDueDeliveries(d, { now: at, until: at + 60_000, limit, skip });
    const stored = () =>
      data().run(({ db, t }) =>
        rows(db.select().from(t.webhookDeliveries).orderBy(asc(t.webhookDeliveries.id))),
      );

    it('queues a delivery with an empty attempt record', async () => {
      const row = await data().run((d) =>
        insertDeliveryRow(d, {
          id: 'delivery-07',
          endpointId: 'bob-1',
          owner: 'bob',
          messageId: 'msg-7',
          eventType: 'webhook.test',
          payload: '{"ping":true}',
          status: 'pending',
          nextAttemptAt: now,
          createdAt: now,
          updatedAt: now,
        }),
      );
      expect(row).toEqual({
        id: 'delivery-07',
        endpointId: 'bob-1',
        owner: 'bob',
        messageId: 'msg-7',
        eventType: 'webhook.test',
        payload: '{"ping":true}',
        status: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        lastAttemptAt: null,
        lastStatusCode: null,
        lastError: null,
        createdAt: now,
        updatedAt: now,
      });
    });

    it('pages a user’s log newest first, by endpoint and by status', async () => {
      const page = (request: Parameters<typeof listDeliveryRows>[1]) =>
        data().run((d) => listDeliveryRows(d, request));
      const first = await page({ owner: 'ann', limit: 2 });
      expect(idsOf(first.rows)).toEqual(['06', '05']);
      expect(first.nextCursor).toBe('delivery-05');
      const second = await page({ owner: 'ann', limit: 2, cursor: first.nextCursor ?? '' });
      expect(idsOf(second.rows)).toEqual(['04', '02']);
      const last = await page({ owner: 'ann', limit: 2, cursor: second.nextCursor ?? '' });
      expect(idsOf(last.rows)).toEqual(['01']);
      expect(last.nextCursor).toBeNull();
      // A page that ends exactly at the last row says no more follow.
      expect((await page({ owner: 'bob', limit: 1 })).nextCursor).toBeNull();

      expect(idsOf((await page({ owner: 'ann', limit: 9, endpointId: 'ann-1' })).rows)).toEqual([
        '06',
        '05',
        '04',
        '01',
      ]);
      expect(idsOf((await page({ owner: 'ann', limit: 9, status: 'pending' })).rows)).toEqual([
        '06',
        '05',
        '01',
      ]);
      // Another user's endpoint, or nothing that matches: an empty page.
      expect(await page({ owner: 'ann', limit: 9, endpointId: 'bob-1' })).toEqual({
        rows: [],
        nextCursor: null,
      });
      expect((await page({ owner: 'carol', limit: 9 })).rows).toEqual([]);
      const everyone = await page({ owner: undefined, limit: 9 });
      expect(idsOf(everyone.rows)).toEqual(['06', '05', '04', '03', '02', '01']);
      expectNumbers(everyone.rows, 'attempts', 'createdAt', 'updatedAt');
      expectNumbers(
        everyone.rows.filter((row) => row.status === 'pending'),
        'nextAttemptAt',
      );
    });

    it('finds a delivery only for its owner', async () => {
      expect(await data().run((d) => findDeliveryRow(d, 'delivery-03', 'ann'))).toBeUndefined();
      expect((await data().run((d) => findDeliveryRow(d, 'delivery-03', 'bob')))?.payload).toBe(
        '{"n":3}',
      );
      expect((await data().run((d) => findDeliveryRow(d, 'delivery-03', undefined)))?.owner).toBe(
        'bob',
      );
      expect(await data().run((d) => findDeliveryRow(d, 'missing', undefined))).toBeUndefined();
    });

    it('claims due deliveries soonest first, each until its claim runs out', async () => {
      const claimed = await data().run((d) => claim(d, 2));
      expect(idsOf(claimed)).toEqual(['03', '05']);
      expect(claimed.map((row) => row.nextAttemptAt)).toEqual([now + 60_000, now + 60_000]);
      expectNumbers(claimed, 'nextAttemptAt', 'attempts');
      // The rest of what is due; then nothing, until the claims run out.
      expect(idsOf(await data().run((d) => claim(d, 10)))).toEqual(['01']);
      expect(await data().run((d) => claim(d, 10))).toEqual([]);
      expect(idsOf(await data().run((d) => claim(d, 10, now + 60_000 - 1)))).toEqual(['06']);
      expect(idsOf(await data().run((d) => claim(d, 10, now + 60_000)))).toEqual([
        '01',
        '03',
        '05',
      ]);
      // Ended deliveries are never claimed, nor changed.
      const ended = (await stored()).filter((row) => row.status !== 'pending');
      expect(ended.map((row) => row.nextAttemptAt)).toEqual([null, null]);
    });

    it('leaves alone the deliveries it is told to skip', async () => {
      expect(idsOf(await data().run((d) => claim(d, 2, now, ['delivery-03'])))).toEqual([
        '01',
        '05',
      ]);
    });

    it('never lets two claimers take one delivery', async () => {
      const [a, b] = await Promise.all([
        data().run((d) => claim(d, 10)),
        data().transact((tx) => claim(tx, 10)),
      ]);
      const both = [...idsOf(a), ...idsOf(b)].sort();
      expect(both).toEqual(['01', '03', '05']);
    });

    it('changes a delivery only while it waits', async () => {
      const changed = await data().transact((tx) =>
        updatePendingDeliveryRow(tx, 'delivery-01', {
          status: 'failed',
          attempts: 8,
          nextAttemptAt: null,
          lastAttemptAt: now,
          lastStatusCode: 502,
          lastError: 'HTTP 502',
          updatedAt: now,
        }),
      );
      expect(changed).toMatchObject({
        status: 'failed',
        attempts: 8,
        nextAttemptAt: null,
        lastStatusCode: 502,
      });
      expect(
        await data().run((d) => updatePendingDeliveryRow(d, 'delivery-01', { updatedAt: 1 })),
      ).toBeUndefined();
      expect(
        await data().run((d) => updatePendingDeliveryRow(d, 'missing', { updatedAt: 1 })),
      ).toBeUndefined();
      expect((await stored()).find((row) => row.id === 'delivery-01')?.updatedAt).toBe(now);
    });

    it('prunes ended deliveries made before a point, and only those', async () => {
      expect(await data().run((d) => pruneDeliveryRows(d, 'delivery-03'))).toBe(1);
      expect(idsOf(await stored())).toEqual(['01', '03', '04', '05', '06']);
      const pruned = await data().run((d) => pruneDeliveryRows(d, 'delivery-99'));
      expect(pruned).toBe(1);
      expect(idsOf(await stored())).toEqual(['01', '03', '05', '06']);
      expect(await data().run((d) => pruneDeliveryRows(d, 'delivery-99'))).toBe(0);
    });

    it('reads a user’s endpoints that receive events', async () => {
      const enabled = await data().run((d) => listEnabledEndpoints(d, 'ann'));
      expect(enabled.sort((a, b) => a.id.localeCompare(b.id))).toEqual([
        { id: 'ann-1', events: ['task.completed', 'plan.finished'] },
        { id: 'ann-2', events: ['task.completed', 'plan.finished'] },
      ]);
      expect(await data().run((d) => listEnabledEndpoints(d, 'carol'))).toEqual([]);
    });

    it('counts a plan’s open tasks', async () => {
      const open = await data().run((d) => countOpenPlanTasks(d, 'plan-a'));
      expect(open).toBe(2);
      expect(await data().run((d) => countOpenPlanTasks(d, 'plan-b'))).toBe(0);
      expect(await data().run((d) => countOpenPlanTasks(d, 'missing'))).toBe(0);
    });

    it('records an attempt under the endpoint’s lock', async () => {
      const recorded = await data().transact(function* (tx) {
        yield* lockEndpoint(tx, 'ann-1');
        return yield* updatePendingDeliveryRow(tx, 'delivery-05', { attempts: 1 });
      });
      expect(recorded?.attempts).toBe(1);
    });
  });
}
