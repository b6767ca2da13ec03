import type { DataSource } from '../data/data-source';

/** Whether anyone has an account yet (onboarding is open until the first one). */
export async function anyUserExists({ db, t }: DataSource): Promise<boolean> {
  const found = await db.select({ id: t.users.id }).from(t.users).limit(1);
  return found.length > 0;
}
