import { useTranslation } from 'react-i18next';
import { Balance } from './connection/balance';
import { ConnectionIndicator } from './connection/connection-indicator';
import { Gallery } from './gallery/gallery';
import { GeneratePanel } from './generate/generate-panel';
import { LanguageSwitch } from './i18n/language-switch';
import { QueuePanel } from './queue/queue-panel';

export function App() {
  const { t } = useTranslation();
  return (
    <div className="mx-auto flex min-h-screen max-w-screen-2xl flex-col gap-4 p-4">
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="flex items-baseline text-xl font-bold">
          <svg viewBox="0 0 24 24" aria-hidden className="mr-2 size-5 self-center fill-amber-400">
            <path d="M4 15c5 4 12 2 15-6 .4-1 .9-2 2-2-.3 9-8 15-16 11-1-.5-1.4-2-1-3z" />
          </svg>
          {t('app.title')}
          <span className="ml-2 text-sm font-normal text-stone-500">{t('app.tagline')}</span>
        </h1>
        <div className="ml-auto flex items-center gap-3">
          <Balance />
          <ConnectionIndicator />
          <LanguageSwitch />
        </div>
      </header>
      <main className="flex flex-col gap-6 lg:flex-row">
        <div className="flex w-full flex-col gap-4 lg:sticky lg:top-4 lg:w-96 lg:self-start">
          <GeneratePanel />
          <QueuePanel />
        </div>
        <Gallery />
      </main>
    </div>
  );
}
