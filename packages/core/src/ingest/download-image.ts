import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { ProviderError } from '../providers/types';
import { isPublicAddress } from './address-policy';

export interface DownloadPolicy {
  /** Hosts that may be plain http and resolve to private addresses (tests only). */
  allowHosts: ReadonlySet<string>;
  maxBytes: number;
  connectTimeoutMs: number;
  totalTimeoutMs: number;
  maxRedirects: number;
}

export const defaultDownloadPolicy: DownloadPolicy = {
  allowHosts: new Set(),
  maxBytes: 50 * 1024 * 1024,
  connectTimeoutMs: 10_000,
  totalTimeoutMs: 60_000,
  maxRedirects: 3,
};

const refused = (message: string) =>
  new ProviderError('invalid_request', `Refused to download the result: ${message}`);

function checkUrl(url: URL, policy: DownloadPolicy): void {
  const allowed = policy.allowHosts.has(url.hostname);
  if (url.protocol !== 'https:' && !(allowed && url.protocol === 'http:')) {
    throw refused(`${url.protocol} URLs are not fetched`);
  }
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowed && isIP(literal) !== 0 && !isPublicAddress(literal)) {
    throw refused('the address is not public');
  }
}

/** DNS resolution that refuses private addresses at connect time (no rebinding window). */
function guardedLookup(allowed: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const usable = allowed ? addresses : addresses.filter((a) => isPublicAddress(a.address));
      const first = usable[0];
      if (!first) return callback(refused(`${hostname} resolves to no public address`), '', 0);
      if (options.all)
        return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, usable); // node passes all: true with autoSelectFamily
      callback(null, first.address, first.family);
    });
  };
}

function get(url: URL, policy: DownloadPolicy, signal: AbortSignal): Promise<IncomingMessage> {
  const allowed = policy.allowHosts.has(url.hostname);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', lookup: guardedLookup(allowed), signal }, resolve);
    const connectTimer = setTimeout(
      () =>
        req.destroy(new ProviderError('timeout', 'The result download did not connect in time')),
      policy.connectTimeoutMs,
    );
    req.on('socket', (socket) => {
      if (!socket.connecting) clearTimeout(connectTimer);
      else socket.once('connect', () => clearTimeout(connectTimer));
    });
    req.on('response', () => clearTimeout(connectTimer));
    req.on('error', (error) => {
      clearTimeout(connectTimer);
      reject(error);
    });
    req.end();
  });
}

async function readCapped(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw refused(`it is larger than ${maxBytes} bytes`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response) {
    size += (chunk as Buffer).byteLength;
    if (size > maxBytes) {
      response.destroy();
      throw refused(`it is larger than ${maxBytes} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Fetches a result image the moment it is reported (provider URLs expire): https only,
 * public addresses only (checked after DNS resolution, at connect time), bounded in time
 * and size, redirects limited and each one checked again.
 */
export async function downloadImage(
  source: string,
  policy: DownloadPolicy = defaultDownloadPolicy,
  outer?: AbortSignal,
): Promise<Buffer> {
  const timeout = AbortSignal.timeout(policy.totalTimeoutMs);
  const signal = outer ? AbortSignal.any([outer, timeout]) : timeout;
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    throw refused('the URL is not valid');
  }
  for (let redirects = 0; ; redirects++) {
    checkUrl(url, policy);
    let response: IncomingMessage;
    try {
      response = await get(url, policy, signal);
    } catch (error) {
      if (error instanceof ProviderError) throw error;
      if (timeout.aborted) throw new ProviderError('timeout', 'The result download took too long');
      throw error;
    }
    const status = response.statusCode ?? 0;
    if ([301, 302, 303, 307, 308].includes(status)) {
      response.resume();
      const location = response.headers.location;
      if (!location || redirects >= policy.maxRedirects) throw refused('too many redirects');
      url = new URL(location, url);
      continue;
    }
    if (status < 200 || status >= 300) {
      response.resume();
      throw status >= 500
        ? new ProviderError('provider_unavailable', `The result download failed (HTTP ${status})`)
        : new ProviderError('no_image', `The result is no longer available (HTTP ${status})`);
    }
    try {
      return await readCapped(response, policy.maxBytes);
    } catch (error) {
      if (timeout.aborted) throw new ProviderError('timeout', 'The result download took too long');
      throw error;
    }
  }
}
