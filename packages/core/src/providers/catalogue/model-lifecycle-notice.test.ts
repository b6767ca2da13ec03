import { describe, expect, it } from 'vitest';
import { modelLifecycleNotice } from './model-lifecycle-notice';

const at = (iso: string) => Date.parse(iso);

describe('modelLifecycleNotice', () => {
  it('says nothing about a current model without a date, or one retiring in more than 30 days', () => {
    expect(modelLifecycleNotice({}, at('2026-12-03T12:00:00Z'))).toBeNull();
    expect(modelLifecycleNotice({ status: 'current' }, at('2026-12-03T12:00:00Z'))).toBeNull();
    expect(
      modelLifecycleNotice(
        { status: 'current', retiresOn: '2027-01-03', replacement: 'b' },
        at('2026-12-03T23:59:59Z'),
      ),
    ).toBeNull();
  });

  it('marks a model retiring within 30 days, with the date, the days left and the replacement', () => {
    const model = { status: 'deprecated' as const, retiresOn: '2027-01-02', replacement: 'b' };
    // Exactly 30 days before the day starts (UTC).
    expect(modelLifecycleNotice(model, at('2026-12-03T00:00:00Z'))).toEqual({
      kind: 'retiring',
      retiresOn: '2027-01-02',
      daysLeft: 30,
      replacement: 'b',
    });
    expect(modelLifecycleNotice(model, at('2027-01-01T18:00:00Z'))).toMatchObject({
      kind: 'retiring',
      daysLeft: 1,
    });
    // A current model with a date gets the same mark.
    expect(
      modelLifecycleNotice({ retiresOn: '2027-01-02' }, at('2026-12-20T00:00:00Z')),
    ).toMatchObject({ kind: 'retiring', daysLeft: 13, replacement: null });
  });

  it('keeps a deprecated model marked as deprecated while its date is far or unknown', () => {
    expect(
      modelLifecycleNotice(
        { status: 'deprecated', retiresOn: null, replacement: 'gemini-nano-banana-2.1' },
        at('2026-12-03T00:00:00Z'),
      ),
    ).toEqual({ kind: 'deprecated', retiresOn: null, replacement: 'gemini-nano-banana-2.1' });
    expect(
      modelLifecycleNotice(
        { status: 'deprecated', retiresOn: '2027-06-01', replacement: null },
        at('2026-12-03T00:00:00Z'),
      ),
    ).toEqual({ kind: 'deprecated', retiresOn: '2027-06-01', replacement: null });
  });

  it('calls a model retired from the first moment of its day, or when the data says so', () => {
    const model = { status: 'deprecated' as const, retiresOn: '2027-01-02', replacement: 'b' };
    expect(modelLifecycleNotice(model, at('2027-01-01T23:59:59.999Z'))?.kind).toBe('retiring');
    expect(modelLifecycleNotice(model, at('2027-01-02T00:00:00Z'))).toEqual({
      kind: 'retired',
      retiresOn: '2027-01-02',
      replacement: 'b',
    });
    expect(
      modelLifecycleNotice({ status: 'retired', retiresOn: null }, at('2020-01-01T00:00:00Z')),
    ).toEqual({ kind: 'retired', retiresOn: null, replacement: null });
  });
});
