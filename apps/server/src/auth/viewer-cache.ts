import { createHash } from 'node:crypto';
import type { ViewerSource } from './resolve-viewer';
import type { Viewer } from './viewer';

/** How long one check of a credential answers for it. */
const answersForMs = 2000;

/** The credential a source presents, hashed: the map never holds a key or a cookie itself. */
function credentialOf(source: ViewerSource): string | null {
  const params: unknown = source.connectionParams;
  const token =
    typeof params === 'object' && params !== null && 'token' in params ? params.token : undefined;
  const presented = [
    source.headers.authorization ?? '',
    typeof token === 'string' ? token : '',
    source.headers.cookie ?? '',
  ].join('\n');
  return presented === '\n\n' ? null : createHash('sha256').update(presented).digest('hex');
}

/**
 * Who a credential belongs to, checked once and reused for two seconds: a call is looked at by
 * the rate-limit hook and by tRPC's context, and scripts send many with one key; checking a
 * session or key costs about 2 ms of the main thread. `forget` drops every answer at once,
 * and is called whenever a key is revoked, a session ends or a user changes.
 */
export class ViewerCache {
  private readonly answers = new Map<
    string,
    { at: number; until: number; viewer: Promise<Viewer | null> }
  >();

  constructor(
    private readonly resolve: (source: ViewerSource) => Promise<Viewer | null>,
    private readonly now: () => number,
  ) {}

  of(source: ViewerSource): Promise<Viewer | null> {
    const credential = credentialOf(source);
    if (credential === null) return Promise.resolve(null);
    const at = this.now();
    const known = this.answers.get(credential);
    if (known && at - known.at < answersForMs && known.until > at) return known.viewer;
    if (this.answers.size >= 10_000) this.dropOlderThan(at - answersForMs);
    const viewer = this.resolve(source);
    const entry = { at, until: Infinity, viewer };
    this.answers.set(credential, entry);
    // Only a caller is remembered: a credential that fails (or a check that throws) is looked
    // at again next time, so a user enabled again is let in at once; and never past its expiry.
    const drop = () => {
      if (this.answers.get(credential) === entry) this.answers.delete(credential);
    };
    viewer.then((found) => {
      if (found === null) drop();
      else entry.until = found.expiresAt ?? Infinity;
    }, drop);
    return viewer;
  }

  forget(): void {
    this.answers.clear();
  }

  private dropOlderThan(limit: number): void {
    for (const [credential, { at }] of this.answers)
      if (at < limit) this.answers.delete(credential);
  }
}
