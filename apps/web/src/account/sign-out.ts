import { postJson } from './post-json';

/** Ends the session and clears its cookie. */
export async function signOut(): Promise<void> {
  await postJson('/api/auth/sign-out', {});
}
