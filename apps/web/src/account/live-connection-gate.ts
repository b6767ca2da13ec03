/*
 * The live connection (the WebSocket) waits until someone is signed in on this page, so the
 * upgrade request carries their session cookie; the socket is never opened signed out.
 */
let release: () => void = () => undefined;
const allowed = new Promise<void>((resolve) => {
  release = resolve;
});
let wasAllowed = false;

/** Resolves once the live connection may open. */
export const liveConnectionAllowed = (): Promise<void> => allowed;

/** Someone is signed in: the live connection opens. */
export function allowLiveConnection(): void {
  wasAllowed = true;
  release();
}

/** Whether a live connection may have been opened on this page (with some session's cookie). */
export const liveConnectionWasAllowed = (): boolean => wasAllowed;
