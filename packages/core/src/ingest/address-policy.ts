import { BlockList, isIP } from 'node:net';

/** IPv4 networks a download must never reach: loopback, private, link-local (cloud metadata), … */
const forbiddenIpv4: readonly (readonly [string, number])[] = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];

const forbiddenIpv6: readonly (readonly [string, number])[] = [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  // Local-use NAT64 (RFC 8215) and Teredo: they lead to IPv4 hosts we cannot classify.
  ['64:ff9b:1::', 48],
  ['2001::', 32],
];

const hex16 = (high: number, low: number) => ((high << 8) | low).toString(16);

/**
 * The IPv6 networks that embed an IPv4 network, so that `::7f00:1` is judged as 127.0.0.1:
 * IPv4-compatible (::/96), IPv4-mapped (::ffff:0:0/96), NAT64 (64:ff9b::/96, RFC 6052) and
 * 6to4 (2002::/16, the IPv4 address in bits 16–47).
 */
function embeddings(network: string, prefix: number): [string, number][] {
  const [a = 0, b = 0, c = 0, d = 0] = network.split('.').map(Number);
  return [
    [`::${network}`, 96 + prefix],
    [`::ffff:${network}`, 96 + prefix],
    [`64:ff9b::${network}`, 96 + prefix],
    [`2002:${hex16(a, b)}:${hex16(c, d)}::`, 16 + prefix],
  ];
}

const forbidden = new BlockList();
for (const [network, prefix] of forbiddenIpv4) {
  forbidden.addSubnet(network, prefix, 'ipv4');
  for (const [embedded, bits] of embeddings(network, prefix))
    forbidden.addSubnet(embedded, bits, 'ipv6');
}
for (const [network, prefix] of forbiddenIpv6) forbidden.addSubnet(network, prefix, 'ipv6');

/** Whether an IP literal is one a download may connect to (any IPv6 notation, zone or not). */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return !forbidden.check(address, family === 6 ? 'ipv6' : 'ipv4');
}
