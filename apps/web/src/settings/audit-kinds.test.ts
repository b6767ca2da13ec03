import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';
import { auditKinds } from './audit-kinds';

describe('audit kinds', () => {
  it('offers every labelled kind once, in the order the labels list them', () => {
    expect(auditKinds).toEqual(Object.keys(en.settings.audit.kinds));
    expect(new Set(auditKinds).size).toBe(auditKinds.length);
    expect(auditKinds).toContain('sign-in-failed');
  });

  it('labels every kind in every language', () => {
    for (const kind of auditKinds) {
      expect(en.settings.audit.kinds[kind]).not.toBe('');
      expect(zhCN.settings.audit.kinds[kind]).not.toBe('');
    }
  });
});
