import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../trpc';
import { auditKinds, type AuditKind } from './audit-kinds';
import { DataTable } from './data-table';
import { ErrorAlert } from './error-alert';
import { fresh } from './fresh';
import { formatTime } from './format-time';
import type { RouterInputs } from './router-types';
import { SettingsCard } from './settings-card';
import { button, cell, muted, row } from './settings-styles';

type Cursor = NonNullable<RouterInputs['admin']['audit']['list']>['cursor'];

const pageSize = 50;

const detailText = (detail: unknown): string =>
  detail === null || detail === undefined ? '' : JSON.stringify(detail);

/** Admins: security events, newest first, a page at a time, optionally of one kind. */
export function AuditSection() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const [kind, setKind] = useState<AuditKind | ''>('');
  // The cursors of the pages seen so far: the last is the page shown.
  const [cursors, setCursors] = useState<Cursor[]>([undefined]);
  const cursor = cursors.at(-1);
  const page = useQuery(
    trpc.admin.audit.list.queryOptions(
      { limit: pageSize, ...(cursor === undefined ? {} : { cursor }), ...(kind ? { kind } : {}) },
      { ...fresh, placeholderData: keepPreviousData },
    ),
  );
  const kindLabel = (k: string) => t(`settings.audit.kinds.${k}`, { defaultValue: k });
  return (
    <SettingsCard id="audit" heading={t('settings.audit.heading')}>
      <label className="flex items-center gap-2 self-start text-sm">
        {t('settings.audit.kind')}
        <select
          value={kind}
          onChange={(e) => {
            setKind(auditKinds.find((k) => k === e.target.value) ?? '');
            setCursors([undefined]);
          }}
          className="rounded border border-stone-300 bg-transparent px-1 py-0.5 dark:border-stone-700"
        >
          <option value="">{t('settings.audit.allKinds')}</option>
          {auditKinds.map((k) => (
            <option key={k} value={k}>
              {kindLabel(k)}
            </option>
          ))}
        </select>
      </label>
      {page.isPending && <p>{t('gallery.loading')}</p>}
      {page.isError && <ErrorAlert error={page.error} />}
      {page.data?.items.length === 0 && <p className={muted}>{t('settings.audit.none')}</p>}
      {page.data && page.data.items.length > 0 && (
        <DataTable
          testId="audit-log"
          headings={['at', 'event', 'actor', 'subject', 'ip', 'detail'].map((k) =>
            t(`settings.audit.${k}`),
          )}
        >
          {page.data.items.map((event) => (
            <tr key={event.id} className={row} data-testid="audit-row" data-kind={event.kind}>
              <td className={`${cell} whitespace-nowrap`}>{formatTime(event.at, i18n.language)}</td>
              <td className={`${cell} whitespace-nowrap`}>{kindLabel(event.kind)}</td>
              <td className={cell}>{event.actor?.email ?? t('settings.audit.noActor')}</td>
              <td className={cell}>{event.subject ?? '–'}</td>
              <td className={`${cell} font-mono text-xs`}>{event.ip ?? '–'}</td>
              <td className={`${cell} max-w-xs truncate font-mono text-xs`}>
                <span title={detailText(event.detail)}>{detailText(event.detail)}</span>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <div className="flex items-center gap-2">
        <button
          type="button"
          className={button}
          disabled={cursors.length === 1}
          onClick={() => setCursors((c) => c.slice(0, -1))}
        >
          {t('settings.audit.newer')}
        </button>
        <span className={muted}>{t('settings.audit.page', { page: cursors.length })}</span>
        <button
          type="button"
          className={button}
          disabled={!page.data?.nextCursor || page.isPlaceholderData}
          onClick={() => {
            const next = page.data?.nextCursor;
            if (next) setCursors((c) => [...c, next]);
          }}
        >
          {t('settings.audit.older')}
        </button>
      </div>
    </SettingsCard>
  );
}
