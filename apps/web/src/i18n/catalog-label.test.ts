import { describe, expect, it } from 'vitest';
import { catalogLabel } from './catalog-label';
import { createTestI18n } from './create-test-i18n';

const i18n = createTestI18n();
const at = (lng: string) => i18n.getFixedT(lng);

describe('catalog labels', () => {
  it('translates the local engine and its model by id', () => {
    const local = { id: 'local', label: 'Local preview engine' };
    const model = { id: 'local-preview', label: 'Local preview' };
    expect(catalogLabel('provider', local, at('en'))).toBe('Local preview engine');
    expect(catalogLabel('provider', local, at('zh-CN'))).toBe('本地预览引擎');
    expect(catalogLabel('model', model, at('zh-CN'))).toBe('本地预览');
  });

  it("keeps the server's label for anything else", () => {
    const kie = { id: 'kie', label: 'Kie.ai' };
    expect(catalogLabel('provider', kie, at('zh-CN'))).toBe('Kie.ai');
    expect(catalogLabel('model', { id: 'local', label: 'Same id, other kind' }, at('zh-CN'))).toBe(
      'Same id, other kind',
    );
  });
});
