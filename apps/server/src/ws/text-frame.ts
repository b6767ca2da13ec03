const framed = new WeakMap<Uint8Array, Buffer>();

/**
 * `payload` (UTF-8 text) as one final, unmasked WebSocket text frame (RFC 6455 §5.2), as a
 * server sends it; made once per payload buffer, however many sockets it is written to.
 */
export function textFrame(payload: Uint8Array): Buffer {
  let frame = framed.get(payload);
  if (frame !== undefined) return frame;
  const length = payload.byteLength;
  const headerLength = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = 0x81; // FIN, opcode 1 (text)
  if (length < 126) {
    frame[1] = length;
  } else if (length < 65_536) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  frame.set(payload, headerLength);
  framed.set(payload, frame);
  return frame;
}
