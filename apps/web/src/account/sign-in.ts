import { postJson } from './post-json';

/** Email and password sign-in; the reply sets the session cookie. */
export async function signIn(input: { email: string; password: string }): Promise<void> {
  await postJson('/api/auth/sign-in/email', input);
}
