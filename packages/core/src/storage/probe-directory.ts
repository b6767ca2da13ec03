import { constants } from 'node:fs';
import { access, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readinessProbeBytes, readinessProbeName } from './readiness-probe';

/**
 * Rejects unless `dir` can be read and takes a write now: writes the probe through to the disk
 * (so a full disk answers `ENOSPC`, a read-only one `EROFS`), then removes it.
 */
export async function probeDirectory(dir: string): Promise<void> {
  await access(dir, constants.R_OK | constants.W_OK);
  const probe = join(dir, readinessProbeName);
  await writeFile(probe, readinessProbeBytes, { flush: true });
  await rm(probe, { force: true });
}
