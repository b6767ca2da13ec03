import { readFileSync } from 'node:fs';

const states: Record<string, string> = {
  '01': 'ESTABLISHED',
  '02': 'SYN_SENT',
  '03': 'SYN_RECV',
  '04': 'FIN_WAIT1',
  '05': 'FIN_WAIT2',
  '06': 'TIME_WAIT',
  '07': 'CLOSE',
  '08': 'CLOSE_WAIT',
  '09': 'LAST_ACK',
  '0A': 'LISTEN',
  '0B': 'CLOSING',
};

/**
 * The state of the server's end of an IPv4 loopback connection, from the kernel's table
 * (Linux `/proc/net/tcp`), or null once it is gone. A client that does not read cannot learn
 * that the server closed on it (the FIN waits behind the unread bytes), but the table shows it.
 */
export function serverEndState(serverPort: number, clientPort: number): string | null {
  const hex = (port: number) => port.toString(16).toUpperCase().padStart(4, '0');
  const local = `:${hex(serverPort)}`;
  const remote = `:${hex(clientPort)}`;
  for (const line of readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
    const [, localAddress, remoteAddress, state] = line.trim().split(/\s+/);
    if (localAddress?.endsWith(local) && remoteAddress?.endsWith(remote)) {
      return states[state ?? ''] ?? state ?? null;
    }
  }
  return null;
}
