import { jsonEncoder, type Encoder } from '@trpc/server/adapters/ws';
import { knownJson } from '@genhub/core';

const serialized = new WeakMap<object, string>();

function isPlainDataMessage(message: unknown): message is {
  id: string | number | null;
  jsonrpc?: '2.0';
  result: { type: 'data'; id?: string; data: object };
} {
  if (typeof message !== 'object' || message === null) return false;
  const { result, ...envelope } = message as { result?: unknown };
  if (Object.keys(envelope).some((k) => k !== 'id' && k !== 'jsonrpc')) return false;
  if (typeof result !== 'object' || result === null) return false;
  const r = result as { type?: unknown; data?: unknown };
  return (
    r.type === 'data' &&
    typeof r.data === 'object' &&
    r.data !== null &&
    Object.keys(r).every((k) => k === 'type' || k === 'id' || k === 'data')
  );
}

function cachedJson(value: object): string {
  let json = serialized.get(value) ?? knownJson(value);
  if (json === undefined) {
    json = JSON.stringify(value);
    serialized.set(value, json);
  }
  return json;
}

/** tRPC wraps a tracked value per subscriber as `{ id, data }`; the shared object is `data`. */
function isTrackedWrapper(
  value: object,
  id: string | undefined,
): value is { id: string; data: object } {
  const keys = Object.keys(value);
  const wrapped = (value as { id?: unknown; data?: unknown }).data;
  return (
    id !== undefined &&
    keys.length === 2 &&
    (value as { id?: unknown }).id === id &&
    typeof wrapped === 'object' &&
    wrapped !== null &&
    !Array.isArray(wrapped)
  );
}

const serializedBytes = new WeakMap<object, Buffer>();

function cachedBytes(value: object): Buffer {
  let bytes = serializedBytes.get(value);
  if (bytes === undefined) {
    bytes = Buffer.from(cachedJson(value));
    serializedBytes.set(value, bytes);
  }
  return bytes;
}

/** `head`, `body` and `tail` as one buffer of UTF-8 text, with no string built in between. */
function joinText(head: string, body: Buffer, tail: string): Uint8Array<ArrayBuffer> {
  const headBytes = Buffer.byteLength(head);
  const out = Buffer.allocUnsafe(headBytes + body.length + Buffer.byteLength(tail));
  // As many bytes as characters: ASCII, which latin1 writes fastest.
  out.write(head, 0, headBytes, headBytes === head.length ? 'latin1' : 'utf8');
  body.copy(out, headBytes);
  out.write(tail, headBytes + body.length);
  return out;
}

/** `{"id":…` and `,"jsonrpc":…` when present: what starts every message to one subscription. */
export function subscriptionHead(id: string | number | null, jsonrpc: string | undefined): string {
  return (
    `{"id":${JSON.stringify(id)}` +
    (jsonrpc === undefined ? '' : `,"jsonrpc":${JSON.stringify(jsonrpc)}`)
  );
}

const trackedFrames = new WeakMap<object, Map<string, Uint8Array<ArrayBuffer>>>();

/**
 * A tracked value's data message as UTF-8 bytes, byte for byte what tRPC's JSON encoder
 * makes of `{ id, result: { type: 'data', id: trackedId, data: { id: trackedId, data } } }`.
 * Subscriptions whose head is the same (most clients number their first subscription 1)
 * share one buffer for the same payload.
 */
export function trackedDataFrame(
  head: string,
  trackedId: string,
  payload: object,
): Uint8Array<ArrayBuffer> {
  let byHead = trackedFrames.get(payload);
  if (byHead === undefined) {
    byHead = new Map();
    trackedFrames.set(payload, byHead);
  }
  const key = `${head}\u0000${trackedId}`;
  let frame = byHead.get(key);
  if (frame === undefined) {
    const id = JSON.stringify(trackedId);
    frame = joinText(
      `${head},"result":{"type":"data","id":${id},"data":{"id":${id},"data":`,
      cachedBytes(payload),
      '}}}',
    );
    byHead.set(key, frame);
  }
  return frame;
}

/**
 * The tRPC JSON wire format, byte for byte, but a subscription payload that goes to many
 * sockets (one event object fanned out to every subscriber) is stringified once, not once
 * per subscriber, and not at all for an event read from the log, whose JSON is known.
 * A tracked event (task.events) comes out as the UTF-8 bytes of its text, shared by every
 * subscription with the same head; `SocketPacer` sends them as a text frame. Everything
 * else goes through tRPC's own JSON encoder.
 */
export const sharedPayloadEncoder: Encoder = {
  encode(message) {
    if (!isPlainDataMessage(message)) return jsonEncoder.encode(message);
    const { id, jsonrpc, result } = message;
    const head = subscriptionHead(id, jsonrpc);
    if (isTrackedWrapper(result.data, result.id)) {
      return trackedDataFrame(head, result.data.id, result.data.data);
    }
    return (
      `${head},"result":{"type":"data"` +
      (result.id === undefined ? '' : `,"id":${JSON.stringify(result.id)}`) +
      `,"data":${cachedJson(result.data)}}}`
    );
  },
  decode: (data) => jsonEncoder.decode(data),
};
