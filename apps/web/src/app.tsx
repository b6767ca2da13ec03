import { lazy, Suspense, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UserMenu } from './account/user-menu';
import { Balance } from './connection/balance';
import { ConnectionIndicator } from './connection/connection-indicator';
import { NotifySettings } from './connection/notify-settings';
import { Gallery } from './gallery/gallery';
import { GeneratePanel } from './generate/generate-panel';
import { LanguageSwitch } from './i18n/language-switch';
import { useHashView } from './lib/use-hash-view';
import { PlanBuilder } from './plans/plan-builder';
import { PlanBuilderContext, type PlanReference } from './plans/plan-builder-context';
import { PlansPanel } from './plans/plans-panel';
import { QueuePanel } from './queue/queue-panel';

// The chart library loads with the usage page only.
const UsagePage = lazy(() => import('./usage/usage-page'));
const SettingsPage = lazy(() => import('./settings/settings-page'));

export function App() {
  const { t } = useTranslation();
  const view = useHashView();
  const [builder, setBuilder] = useState<{ from: PlanReference | undefined } | null>(null);
  const [newPlan, setNewPlan] = useState<string | null>(null);
  const openBuilder = useCallback((from?: PlanReference) => setBuilder({ from }), []);
  const tab = (href: string, active: boolean, label: string) => (
    <a
      href={href}
      aria-current={active ? 'page' : undefined}
      className={`rounded-md px-3 py-1 text-sm ${active ? 'bg-stone-900 text-white dark:bg-amber-400 dark:text-stone-950' : 'hover:bg-stone-100 dark:hover:bg-stone-800'}`}
    >
      {label}
    </a>
  );
  return (
    <PlanBuilderContext.Provider value={openBuilder}>
      <div className="mx-auto flex min-h-screen max-w-screen-2xl flex-col gap-4 p-4">
        <header className="flex flex-wrap items-center gap-3">
          <h1 className="flex items-baseline text-xl font-bold">
            <svg viewBox="0 0 24 24" aria-hidden className="mr-2 size-5 self-center fill-amber-400">
              <path d="M4 15c5 4 12 2 15-6 .4-1 .9-2 2-2-.3 9-8 15-16 11-1-.5-1.4-2-1-3z" />
            </svg>
            {t('app.title')}
            <span className="ml-2 text-sm font-normal text-stone-600 dark:text-stone-400">
              {t('app.tagline')}
            </span>
          </h1>
          <nav aria-label={t('nav.label')} className="flex gap-1">
            {tab('#/', view === 'studio', t('nav.studio'))}
            {tab('#/usage', view === 'usage', t('nav.usage'))}
          </nav>
          <div className="ml-auto flex items-center gap-3">
            <Balance />
            <NotifySettings />
            <ConnectionIndicator />
            <LanguageSwitch />
            <UserMenu />
          </div>
        </header>
        {view === 'settings' ? (
          <Suspense fallback={<p>{t('gallery.loading')}</p>}>
            <SettingsPage />
          </Suspense>
        ) : view === 'usage' ? (
          <Suspense fallback={<p>{t('gallery.loading')}</p>}>
            <UsagePage />
          </Suspense>
        ) : (
          <main className="flex flex-col gap-6 lg:flex-row">
            <div className="flex w-full flex-col gap-4 lg:sticky lg:top-4 lg:w-96 lg:self-start">
              <GeneratePanel />
              <QueuePanel />
            </div>
            <div className="flex min-w-0 flex-1 flex-col gap-6">
              <PlansPanel highlighted={newPlan} />
              <Gallery />
            </div>
          </main>
        )}
        {builder && (
          <PlanBuilder
            from={builder.from}
            onClose={() => setBuilder(null)}
            onCreated={(id) => {
              setNewPlan(id);
              window.location.hash = '#/';
            }}
          />
        )}
      </div>
    </PlanBuilderContext.Provider>
  );
}
