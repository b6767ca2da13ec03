import { describe, expect, it } from 'vitest';
import { settingsSectionOf } from './settings-section';

describe('settingsSectionOf', () => {
  it('opens API keys by default', () => {
    expect(settingsSectionOf('#/settings', true)).toBe('keys');
    expect(settingsSectionOf('#/settings/', true)).toBe('keys');
    expect(settingsSectionOf('#/settings/nonsense', true)).toBe('keys');
  });

  it('opens the named section for an admin', () => {
    expect(settingsSectionOf('#/settings/users', true)).toBe('users');
    expect(settingsSectionOf('#/settings/providers', true)).toBe('providers');
    expect(settingsSectionOf('#/settings/audit', true)).toBe('audit');
  });

  it('keeps members to their own API keys', () => {
    expect(settingsSectionOf('#/settings/providers', false)).toBe('keys');
    expect(settingsSectionOf('#/settings/users', false)).toBe('keys');
    expect(settingsSectionOf('#/settings/keys', false)).toBe('keys');
  });
});
