import { AwsClient } from 'aws4fetch';

export interface S3Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
}

export interface S3RequestInit {
  method: 'GET' | 'HEAD' | 'PUT' | 'DELETE';
  headers?: Record<string, string>;
  /** Made afresh for each attempt: a stream cannot be sent twice. */
  body?: () => NonNullable<RequestInit['body']>;
  signal?: AbortSignal;
}

const attempts = 3;
const firstRetryMs = 100;

/** Throttled or failing for a moment: worth one more try. */
const isTransient = (status: number) => status >= 500 || status === 429;

/**
 * Signs and sends S3 requests with AWS Signature Version 4 (aws4fetch). Every header is signed,
 * `Range` included, as AWS's own clients do. Retries what may pass a moment later (5xx, 429,
 * a connection that failed), each attempt signed anew.
 */
export class S3Client {
  private readonly aws: AwsClient;

  constructor(credentials: S3Credentials) {
    this.aws = new AwsClient({
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      region: credentials.region,
      service: 's3',
      // Retried here instead, where a streamed body can be made again.
      retries: 0,
    });
  }

  /** The request as it goes out, signed at `datetime` (`YYYYMMDDTHHMMSSZ`; default: now). */
  sign(url: string, init: S3RequestInit & { datetime?: string }): Promise<Request> {
    const body = init.body?.();
    return this.aws.sign(url, {
      method: init.method,
      headers: init.headers ?? {},
      ...(body === undefined ? {} : { body, duplex: 'half' }),
      ...(init.signal ? { signal: init.signal } : {}),
      aws: { allHeaders: true, ...(init.datetime ? { datetime: init.datetime } : {}) },
    });
  }

  async send(url: string, init: S3RequestInit): Promise<Response> {
    for (let attempt = 1; ; attempt++) {
      const last = () => attempt === attempts || init.signal?.aborted === true;
      let response: Response;
      try {
        response = await fetch(await this.sign(url, init));
      } catch (error) {
        if (last()) throw error;
        await pause(attempt);
        continue;
      }
      if (last() || !isTransient(response.status)) return response;
      await response.body?.cancel();
      await pause(attempt);
    }
  }
}

const pause = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, firstRetryMs * 2 ** (attempt - 1) * Math.random()));
