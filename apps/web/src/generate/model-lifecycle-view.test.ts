import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { ModelCapabilities } from '@genhub/core/schemas';
import { createTestI18n } from '../i18n/create-test-i18n';
import { ModelLifecycleNote } from './model-lifecycle-note';
import { modelLifecycleView } from './model-lifecycle-view';

const i18n = createTestI18n();

const dec3 = Date.parse('2026-12-03T09:00:00Z');

const model = (id: string, life: Partial<ModelCapabilities>): ModelCapabilities => ({
  id,
  label: id.toUpperCase(),
  operations: ['generate'],
  aspectRatios: ['1:1'],
  outputFormats: ['png'],
  maxImages: 1,
  maxReferenceImages: 0,
  resolutions: [],
  price: null,
  ...life,
});

describe('the model lifecycle mark', () => {
  it('names the date and the replacement for a model retiring within 30 days, in both languages', () => {
    const retiring = { status: 'deprecated' as const, retiresOn: '2026-12-20', replacement: 'b' };
    expect(modelLifecycleView(retiring, dec3, i18n.getFixedT('en'))).toEqual({
      kind: 'retiring',
      tag: 'retires 2026-12-20',
      text: 'Retires on 2026-12-20 (17 day(s) left). Use b instead.',
    });
    expect(modelLifecycleView(retiring, dec3, i18n.getFixedT('zh-CN'), () => 'Nano B')).toEqual({
      kind: 'retiring',
      tag: '2026-12-20 停用',
      text: '将于 2026-12-20 停用（还剩 17 天）。请改用 Nano B。',
    });
  });

  it('marks a deprecated model without a date, and says nothing of a current one', () => {
    const t = i18n.getFixedT('en');
    expect(
      modelLifecycleView(
        { status: 'deprecated', retiresOn: null, replacement: 'gemini-nano-banana-2.1' },
        dec3,
        t,
      ),
    ).toEqual({
      kind: 'deprecated',
      tag: 'deprecated',
      text: 'Deprecated by the vendor (no shutdown date announced). Use gemini-nano-banana-2.1 instead.',
    });
    expect(modelLifecycleView({ status: 'current', retiresOn: '2027-06-01' }, dec3, t)).toBeNull();
    expect(modelLifecycleView({}, dec3, t)).toBeNull();
  });

  it('renders as a note naming the replacement by its label', () => {
    const models = [
      model('a', { status: 'deprecated', retiresOn: '2026-12-20', replacement: 'b' }),
      model('b', { status: 'current' }),
    ];
    const render = (chosen: ModelCapabilities | undefined) =>
      renderToStaticMarkup(
        createElement(
          I18nextProvider,
          { i18n },
          createElement(ModelLifecycleNote, { model: chosen, models, now: dec3 }),
        ),
      );
    const html = render(models[0]);
    expect(html).toMatch(/^<p role="note" data-testid="model-lifecycle" class="[^"]*amber/);
    expect(html).toContain('Retires on 2026-12-20 (17 day(s) left). Use B instead.</p>');
    expect(render(models[1])).toBe('');
    expect(render(undefined)).toBe('');
  });
});
