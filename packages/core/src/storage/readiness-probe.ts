/**
 * The key a store's readiness check writes and removes. It starts with a dot, which no stored
 * file's name may (`isStorageName`), so it never meets a content-addressed file, is never served
 * at `/files/`, and nothing that collects or exports files by their names can reach it.
 */
export const readinessProbeName = '.genhub-readyz';

/** What the probe holds: a few bytes, enough that the store must find room for them. */
export const readinessProbeBytes = new TextEncoder().encode('genhub readiness probe\n');
