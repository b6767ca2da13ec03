import i18next from 'i18next';
import { beforeAll } from 'vitest';
import { en } from './en';
import { zhCN } from './zh-CN';

/** An i18next instance with both languages, ready before the file's tests run (tests only). */
export function createTestI18n() {
  const i18n = i18next.createInstance();
  beforeAll(() =>
    i18n.init({
      resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
      lng: 'en',
      interpolation: { escapeValue: false },
    }),
  );
  return i18n;
}
