import { describe, expect, it } from 'vitest';
import { ReplayGate } from './replay-gate';

const busy = () => new Error('busy');

describe('replay gate', () => {
  it('grants up to its limit at once, then hands each freed slot to the longest waiter', async () => {
    const gate = new ReplayGate({ running: 2, waiting: 4, busy });
    const a = gate.acquire();
    const b = gate.acquire();
    expect(typeof a).toBe('function');
    expect(typeof b).toBe('function');
    const order: string[] = [];
    const c = Promise.resolve(gate.acquire()).then((release) => (order.push('c'), release));
    const d = Promise.resolve(gate.acquire()).then((release) => (order.push('d'), release));
    expect(gate.size).toEqual({ running: 2, waiting: 2 });
    (a as () => void)();
    (a as () => void)(); // a second release gives nothing back twice
    const releaseC = await c;
    expect(order).toEqual(['c']);
    expect(gate.size).toEqual({ running: 2, waiting: 1 });
    releaseC();
    await d;
    expect(order).toEqual(['c', 'd']);
  });

  it('refuses past its queue bound, and a waiter whose signal aborts leaves the queue', async () => {
    const gate = new ReplayGate({ running: 1, waiting: 1, busy });
    expect(typeof gate.acquire()).toBe('function');
    const controller = new AbortController();
    const waiting = gate.acquire(controller.signal);
    expect(() => gate.acquire()).toThrow('busy');
    controller.abort();
    const release = await waiting;
    release(); // a no-op: it never held a slot
    expect(gate.size).toEqual({ running: 1, waiting: 0 });
    expect(gate.acquire()).toBeInstanceOf(Promise);
  });
});
