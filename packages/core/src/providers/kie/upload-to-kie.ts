import { randomUUID } from 'node:crypto';
import { dataUri } from '../encode-references';
import { referenceFileName } from '../reference-file-name';
import type { ReferenceImage } from '../types';
import type { KieClient } from './kie-client';
import { kieUploadedFile } from './kie-replies';

/**
 * Puts a reference image on KIE's file host (free; kept 3 days) and returns its URL. Every
 * upload gets a name of its own: KIE overwrites a file uploaded again under the same name,
 * so parallel uploads sharing one name would all end up pointing at the last picture.
 */
export async function uploadToKie(
  client: KieClient,
  uploadBaseUrl: string,
  reference: ReferenceImage,
  signal: AbortSignal,
): Promise<string> {
  const file = await client.send(
    `${uploadBaseUrl.replace(/\/$/, '')}/api/file-base64-upload`,
    'POST',
    kieUploadedFile,
    signal,
    {
      base64Data: dataUri(reference),
      uploadPath: 'genhub',
      fileName: referenceFileName(reference, randomUUID()),
    },
  );
  return file.downloadUrl;
}
