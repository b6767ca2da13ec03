import { jsonEncoder } from '@trpc/server/adapters/ws';
import { describe, expect, it } from 'vitest';
import { sharedPayloadEncoder } from './shared-payload-encoder';

describe('sharedPayloadEncoder', () => {
  const event = { seq: 7, type: 'created', task: { id: 't', prompt: 'quote " and 中文' } };

  it.each([
    { id: 3, result: { type: 'data', id: '7', data: event } },
    { id: 3, result: { type: 'data', id: '7', data: { id: '7', data: event } } },
    { id: 'sub ü 中', result: { type: 'data', id: '7', data: { id: '7', data: event } } },
    { id: 3, result: { type: 'data', id: '7', data: { id: '8', data: event } } },
    { id: 3, result: { type: 'data', id: '7', data: { id: '7', data: [1, 2] } } },
    { id: 'abc', jsonrpc: '2.0', result: { type: 'data', data: event } },
    { id: 1, result: { type: 'started' } },
    { id: null, method: 'reconnect' },
    { id: 2, error: { code: -32600, message: 'bad' } },
    { id: 4, result: { type: 'data', data: 'a string' } },
  ])('encodes %o exactly as tRPC does', (message) => {
    const encoded = sharedPayloadEncoder.encode(message);
    const text = typeof encoded === 'string' ? encoded : Buffer.from(encoded).toString('utf8');
    expect(text).toBe(jsonEncoder.encode(message));
  });

  it('stringifies a payload once however many subscribers receive it', () => {
    const payload = { seq: 1 };
    let calls = 0;
    Object.defineProperty(payload, 'toJSON', { value: () => (calls++, { seq: 1 }) });
    for (let id = 0; id < 50; id++)
      sharedPayloadEncoder.encode({ id, result: { type: 'data', id: '1', data: payload } });
    expect(calls).toBe(1);
  });
});
