import { describe, expect, it } from 'vitest';
import { S3Client } from './s3-client';

/**
 * AWS's published Signature Version 4 example for S3, "GET Object": the first ten bytes of
 * test.txt in examplebucket, with AWS's example credentials, signed on 24 May 2013.
 */
const vector = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  region: 'us-east-1',
  url: 'https://examplebucket.s3.amazonaws.com/test.txt',
  datetime: '20130524T000000Z',
  headers: {
    range: 'bytes=0-9',
    // The hash of the empty body.
    'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  },
  authorization:
    'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,' +
    'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,' +
    'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
};

describe('S3Client signing', () => {
  it("signs AWS's published GET Object example exactly as AWS does", async () => {
    const client = new S3Client(vector);
    const signed = await client.sign(vector.url, {
      method: 'GET',
      headers: vector.headers,
      datetime: vector.datetime,
    });
    expect(signed.headers.get('x-amz-date')).toBe(vector.datetime);
    // aws4fetch puts a space after each comma of the header; S3 reads both spellings.
    expect(signed.headers.get('authorization')?.replaceAll(', ', ',')).toBe(vector.authorization);
  });

  it('signs with another secret to another signature', async () => {
    const client = new S3Client({ ...vector, secretAccessKey: 'another-secret' });
    const signed = await client.sign(vector.url, {
      method: 'GET',
      headers: vector.headers,
      datetime: vector.datetime,
    });
    expect(signed.headers.get('authorization')).toMatch(/Signature=[0-9a-f]{64}$/);
    expect(signed.headers.get('authorization')?.replaceAll(', ', ',')).not.toBe(
      vector.authorization,
    );
  });
});
