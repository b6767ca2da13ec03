/** What S3's error codes mean for whoever runs genhub. */
const hints: Record<string, string> = {
  AccessDenied: 'the access key may not do this in the bucket',
  InvalidAccessKeyId: 'the access key id is not known to the store',
  SignatureDoesNotMatch: 'the secret access key does not match the access key id',
  NoSuchBucket: 'the bucket does not exist',
  NoSuchKey: 'there is no such file',
  InvalidRange: 'the range lies outside the file',
  SlowDown: 'the store asks to slow down',
  RequestTimeTooSkewed: "this machine's clock is too far from the store's",
  AuthorizationHeaderMalformed: 'the region may be wrong',
  PermanentRedirect: 'the bucket is in another region or at another endpoint',
};

/** A request the S3-compatible store refused or failed; its message names no credential. */
export class S3Error extends Error {
  override readonly name = 'S3Error';
  constructor(
    /** What was asked, e.g. `GET "abc.png"`. */
    readonly operation: string,
    readonly status: number,
    /** S3's error code (`NoSuchBucket`, `AccessDenied`, …), when the answer carried one. */
    readonly code: string | null,
    /** What went wrong, when the code does not say. */
    detail?: string,
  ) {
    const hint = detail ?? (code ? hints[code] : undefined);
    super(
      `S3 ${operation} failed with ${status}${code ? ` ${code}` : ''}${hint ? `: ${hint}` : ''}`,
    );
  }
}

/** The error an S3 answer that is not a success stands for, its `<Code>` read from the XML. */
export async function s3ErrorOf(response: Response, operation: string): Promise<S3Error> {
  const text = await response.text().catch(() => '');
  const code = /<Code>([A-Za-z0-9.]{1,64})<\/Code>/.exec(text.slice(0, 4096))?.[1] ?? null;
  return new S3Error(operation, response.status, code);
}
