import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { auditKinds } from './audit-kinds';

describe('audit kinds', () => {
  it('has a label for every kind the filter offers, and no label for a kind it does not', () => {
    expect(Object.keys(en.settings.audit.kinds).sort()).toEqual([...auditKinds].sort());
  });
});
