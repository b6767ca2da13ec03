export const settingsSections = ['keys', 'webhooks', 'users', 'providers', 'audit'] as const;
export type SettingsSection = (typeof settingsSections)[number];

/** The sections only admins see. */
export const adminSections: ReadonlySet<SettingsSection> = new Set(['users', 'providers', 'audit']);

/** Which settings section `#/settings/<section>` names; API keys when none, or none this viewer may see. */
export function settingsSectionOf(hash: string, admin: boolean): SettingsSection {
  const named = /^#\/settings\/([a-z]+)$/.exec(hash)?.[1];
  const section = settingsSections.find((s) => s === named);
  if (!section || (adminSections.has(section) && !admin)) return 'keys';
  return section;
}
