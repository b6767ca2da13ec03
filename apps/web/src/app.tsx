import { lazy, Suspense, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UserMenu } from './account/user-menu';
import { Balance } from './connection/balance';
import { ConnectionIndicator } from './connection/connection-indicator';
import { NotifySettings } from './connection/notify-settings';
import { CollectionsPanel } from './collections/collections-panel';
import { Gallery } from './gallery/gallery';
import { GeneratePanel } from './generate/generate-panel';
import { LanguageSwitch } from './i18n/language-switch';
import { useHashView } from './lib/use-hash-view';
import { PlanBuilder } from './plans/plan-builder';
import { PlanBuilderContext, type PlanReference } from './plans/plan-builder-context';
import { PlansPanel } from './plans/plans-panel';
import { QueuePanel } from './queue/queue-panel';
import { StudioTabs, studioPanelId } from './phone/studio-tabs';
import { useStudioTab } from './phone/use-studio-tab';

// The chart library loads with the usage page only.
const UsagePage = lazy(() => import('./usage/usage-page'));
const SettingsPage = lazy(() => import('./settings/settings-page'));

export function App() {
  const { t } = useTranslation();
  const view = useHashView();
  const [builder, setBuilder] = useState<{ from: PlanReference | undefined } | null>(null);
  const [newPlan, setNewPlan] = useState<string | null>(null);
  const openBuilder = useCallback((from?: PlanReference) => setBuilder({ from }), []);
  const studio = useStudioTab();
  // Below `lg` the studio shows one part at a time (the tabs); from `lg` up, all of them.
  const part = (name: typeof studio.tab) => (studio.tab === name ? '' : 'max-lg:hidden');
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
            <span className="ml-2 hidden text-sm font-normal text-stone-600 sm:inline dark:text-stone-400">
              {t('app.tagline')}
            </span>
          </h1>
          <nav aria-label={t('nav.label')} className="flex gap-1">
            {tab('#/', view === 'studio', t('nav.studio'))}
            {tab('#/usage', view === 'usage', t('nav.usage'))}
          </nav>
          <div className="ml-auto flex flex-wrap items-center justify-end gap-x-2 gap-y-2 sm:gap-x-3">
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
          <main className="flex flex-col gap-4 lg:flex-row lg:gap-6">
            <div
              ref={studio.bar}
              className="sticky top-0 z-20 -mx-4 -mt-2 bg-stone-50/95 px-4 py-2 backdrop-blur lg:hidden dark:bg-stone-950/95"
            >
              <StudioTabs tab={studio.tab} onChange={studio.choose} />
            </div>
            <div
              className={`flex w-full flex-col gap-4 lg:sticky lg:top-4 lg:w-96 lg:self-start ${studio.tab === 'gallery' ? 'max-lg:hidden' : ''}`}
            >
              <div id={studioPanelId('create')} className={part('create')}>
                <GeneratePanel onSubmitted={studio.revealResult} />
              </div>
              <div id={studioPanelId('queue')} className={part('queue')}>
                <QueuePanel />
              </div>
            </div>
            <div
              id={studioPanelId('gallery')}
              className={`flex min-w-0 flex-1 flex-col gap-6 ${part('gallery')}`}
            >
              <PlansPanel highlighted={newPlan} />
              <CollectionsPanel />
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
              // On a phone the plans are with the gallery.
              studio.choose('gallery');
            }}
          />
        )}
      </div>
    </PlanBuilderContext.Provider>
  );
}
