import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { ProviderError } from '../providers/types';
import { isPublicAddress } from './address-policy';

export interface DownloadPolicy {
  /**
   * `host:port` pairs (as `allowedHostKey` writes them) that may be plain http and resolve
   * to private addresses: fake providers in tests, never a whole host.
   */
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

const defaultPorts: Record<string, string> = { 'http:': '80', 'https:': '443' };

/** `host:port` of a URL, the port written out even where it is the scheme's default. */
export function allowedHostKey(url: URL): string {
  return `${url.hostname}:${url.port || (defaultPorts[url.protocol] ?? '')}`;
}

/**
 * One `INGEST_ALLOW_HOSTS` entry (`127.0.0.1:4010`, `[::1]:4010`, `fake.test:80`) as
 * `allowedHostKey` writes it, or null when it is not a host with a port.
 */
export function parseAllowedHost(entry: string): string | null {
  if (!/^(\[[0-9a-fA-F:.]+\]|[^\s/?#@:[\]]+):\d{1,5}$/.test(entry)) return null;
  try {
    const url = new URL(`http://${entry}`);
    return url.pathname === '/' && !url.search ? allowedHostKey(url) : null;
  } catch {
    return null;
  }
}

const isAllowed = (url: URL, policy: DownloadPolicy) => policy.allowHosts.has(allowedHostKey(url));

function checkUrl(url: URL, policy: DownloadPolicy): void {
  const allowed = isAllowed(url, policy);
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
  const allowed = isAllowed(url, policy);
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

/** A result's body as it arrives, held to the size cap and to its own Content-Length. */
export interface OpenedDownload {
  /** The length the server declared, when it did. */
  declaredBytes: number | null;
  /** Read once; stopping early closes the connection. */
  chunks: AsyncIterable<Buffer>;
}

async function* cappedBody(
  response: IncomingMessage,
  maxBytes: number,
  declared: number | null,
  failure: (error: unknown) => unknown,
): AsyncGenerator<Buffer> {
  let size = 0;
  try {
    for await (const chunk of response as AsyncIterable<Buffer>) {
      if (
        size + chunk.byteLength > maxBytes ||
        (declared !== null && size + chunk.byteLength > declared)
      ) {
        response.destroy();
        throw refused(
          declared !== null
            ? 'it is longer than its Content-Length'
            : `it is larger than ${maxBytes} bytes`,
        );
      }
      size += chunk.byteLength;
      yield chunk;
    }
  } catch (error) {
    throw failure(error);
  } finally {
    if (!response.complete) response.destroy();
  }
  // A body cut short without a socket error (the peer closed early) is a failed transfer too.
  if (!response.complete || (declared !== null && size < declared))
    throw new ProviderError('network', 'The result download failed: the connection closed early');
}

/**
 * What a failed connection or body means to the engine: our own deadline is a `timeout`;
 * a reset, refused or cut-short connection a retryable `network` failure; a cancel stays as is.
 */
function transportFailure(error: unknown, timeout: AbortSignal, outer?: AbortSignal): unknown {
  if (error instanceof ProviderError || outer?.aborted) return error;
  if (timeout.aborted) return new ProviderError('timeout', 'The result download took too long');
  const code = (error as { code?: unknown } | null)?.code;
  return new ProviderError(
    'network',
    `The result download failed: the connection broke${typeof code === 'string' ? ` (${code})` : ''}`,
  );
}

/**
 * Opens a result the moment it is reported (provider URLs expire): https only, public
 * addresses only (checked after DNS resolution, at connect time), bounded in time and size,
 * redirects limited and each one checked again. The body streams; the time limit covers it.
 */
export async function openDownload(
  source: string,
  policy: DownloadPolicy = defaultDownloadPolicy,
  outer?: AbortSignal,
): Promise<OpenedDownload> {
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
      throw transportFailure(error, timeout, outer);
    }
    const status = response.statusCode ?? 0;
    if ([301, 302, 303, 307, 308].includes(status)) {
      response.resume();
      const location = response.headers.location;
      if (!location || redirects >= policy.maxRedirects) throw refused('too many redirects');
      try {
        url = new URL(location, url);
      } catch {
        throw refused('the redirect is not a valid URL');
      }
      continue;
    }
    if (status < 200 || status >= 300) {
      response.resume();
      throw status >= 500
        ? new ProviderError('provider_unavailable', `The result download failed (HTTP ${status})`)
        : new ProviderError('no_image', `The result is no longer available (HTTP ${status})`);
    }
    const length = Number(response.headers['content-length']);
    const declared = Number.isFinite(length) && length > 0 ? length : null;
    if (declared !== null && declared > policy.maxBytes) {
      response.destroy();
      throw refused(`it is larger than ${policy.maxBytes} bytes`);
    }
    return {
      declaredBytes: declared,
      chunks: cappedBody(response, policy.maxBytes, declared, (error) =>
        transportFailure(error, timeout, outer),
      ),
    };
  }
}

/** A result image, whole: `openDownload`'s checks, read into memory. */
export async function downloadImage(
  source: string,
  policy: DownloadPolicy = defaultDownloadPolicy,
  outer?: AbortSignal,
): Promise<Buffer> {
  const { declaredBytes, chunks } = await openDownload(source, policy, outer);
  // With a declared length, each chunk is copied as it arrives into memory reserved up front:
  // joining tens of MB at the end would hold the event loop for as long as the copy takes.
  const into = declaredBytes === null ? null : Buffer.allocUnsafeSlow(declaredBytes);
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    if (into) chunk.copy(into, size);
    else parts.push(chunk);
    size += chunk.byteLength;
  }
  return into ?? Buffer.concat(parts);
}
