import { jsonEncoder, type Encoder } from '@trpc/server/adapters/ws';

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
  let json = serialized.get(value);
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

/**
 * The tRPC JSON wire format, byte for byte, but a subscription payload that goes to many
 * sockets (one event object fanned out to every subscriber) is stringified once, not once
 * per subscriber. Everything else goes through tRPC's own JSON encoder.
 */
export const sharedPayloadEncoder: Encoder = {
  encode(message) {
    if (!isPlainDataMessage(message)) return jsonEncoder.encode(message);
    const { id, jsonrpc, result } = message;
    const data = isTrackedWrapper(result.data, result.id)
      ? `{"id":${JSON.stringify(result.data.id)},"data":${cachedJson(result.data.data)}}`
      : cachedJson(result.data);
    return (
      `{"id":${JSON.stringify(id)}` +
      (jsonrpc === undefined ? '' : `,"jsonrpc":${JSON.stringify(jsonrpc)}`) +
      `,"result":{"type":"data"` +
      (result.id === undefined ? '' : `,"id":${JSON.stringify(result.id)}`) +
      `,"data":${data}}}`
    );
  },
  decode: (data) => jsonEncoder.decode(data),
};
