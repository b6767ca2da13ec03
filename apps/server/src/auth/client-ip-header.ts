/**
 * The header the server sets, from the socket's address, on every request it hands to
 * better-auth (any copy a client sent is dropped first), so sessions and the audit log record
 * an address no client can choose.
 */
export const clientIpHeader = 'x-genhub-client-ip';
