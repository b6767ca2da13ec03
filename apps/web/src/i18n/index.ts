import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zhCN } from './zh-CN';

export const languages = [
  { code: 'en', label: 'English' },
  { code: 'zh-CN', label: '简体中文' },
] as const;

const storageKey = 'genhub.language';

function initialLanguage(): string {
  const saved = localStorage.getItem(storageKey);
  if (saved && languages.some((l) => l.code === saved)) return saved;
  return navigator.languages.some((l) => l.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});

i18next.on('languageChanged', (lng) => {
  localStorage.setItem(storageKey, lng);
  document.documentElement.lang = lng;
});
document.documentElement.lang = i18next.language;

export default i18next;
