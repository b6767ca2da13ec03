import { join } from 'node:path';
import { LocalDiskStorage, S3Storage, type Storage } from '@genhub/core';
import type { Env } from '../env';

/**
 * Where the files live: the S3-compatible store when the S3 variables are set (loadEnv has
 * made sure they come together), else DATA_DIR/files.
 */
export async function createStorage(env: Env): Promise<Storage> {
  const { S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY } = env;
  if (S3_ENDPOINT && S3_BUCKET && S3_ACCESS_KEY_ID && S3_SECRET_ACCESS_KEY) {
    const storage = new S3Storage({
      endpoint: S3_ENDPOINT,
      bucket: S3_BUCKET,
      region: env.S3_REGION,
      accessKeyId: S3_ACCESS_KEY_ID,
      secretAccessKey: S3_SECRET_ACCESS_KEY,
      publicUrl: env.S3_PUBLIC_URL ?? null,
      // Streamed files (videos) wait here for their name before they are uploaded.
      tempDir: join(env.dataDir, 'tmp'),
    });
    await storage.init();
    return storage;
  }
  const storage = new LocalDiskStorage(join(env.dataDir, 'files'));
  await storage.init();
  return storage;
}
