import { postJson } from './post-json';

/** First-run onboarding: creates the first admin and signs them in. */
export async function createAdmin(input: {
  email: string;
  name: string;
  password: string;
}): Promise<void> {
  await postJson('/api/setup', input);
}
