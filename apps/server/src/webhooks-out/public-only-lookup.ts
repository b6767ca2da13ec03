import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { isPublicAddress } from '@genhub/core';

/** A host name that resolves to no address webhooks may be sent to. */
export class RefusedAddressError extends Error {
  override readonly name = 'RefusedAddressError';
  readonly code = 'EREFUSEDADDRESS';
  constructor(hostname: string) {
    super(`${hostname} resolves to no public address`);
  }
}

/**
 * DNS resolution that keeps only public addresses, used as the connection's own lookup: the
 * address checked is the one connected to (no rebinding window between check and connect).
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    const usable = addresses.filter((a) => isPublicAddress(a.address));
    const first = usable[0];
    if (!first) return callback(new RefusedAddressError(hostname), '', 0);
    if (options.all) return callback(null, usable);
    callback(null, first.address, first.family);
  });
};
