import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { variationPlan } from '@genhub/core/schemas';
import { freeUnit } from '../lib/format-cost';
import { errorMessage } from '../lib/error-message';
import { useDebounced } from '../lib/use-debounced';
import { catalogLabel } from '../i18n/catalog-label';
import { useTRPC } from '../trpc';
import {
  draftToPlan,
  newDraft,
  planNumberFields,
  planToDraft,
  rowsPerBatch,
  type PlanDraft,
} from './plan-draft';
import type { PlanReference } from './plan-builder-context';
import { PlanRows } from './plan-rows';
import { PlanAdvanced } from './plan-advanced';
import { PlanField } from './plan-field';
import { PlanReferenceField } from './plan-reference-field';
import { planAmountLabel } from './plan-amount-label';
import { planFieldProblems } from './plan-field-problems';
import { useShownProblems } from './use-shown-problems';
import { ModelLifecycleNote } from '../generate/model-lifecycle-note';

const input =
  'rounded-md border border-stone-300 bg-white px-2 py-1 text-sm font-normal dark:border-stone-700 dark:bg-stone-900';

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  URL.revokeObjectURL(url);
}

/** "Make variations": a seed 004 plan built from rows or imported, estimated, then run. */
export function PlanBuilder({
  from,
  onClose,
  onCreated,
}: {
  from: PlanReference | undefined;
  onClose: () => void;
  onCreated: (planId: string) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const dialog = useRef<HTMLDialogElement>(null);
  const [draft, setDraft] = useState<PlanDraft>(() => newDraft(from?.id));
  const [provider, setProvider] = useState('local');
  const [budget, setBudget] = useState('');
  const [overBudgetOk, setOverBudgetOk] = useState(false);
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const [referenceThumb, setReferenceThumb] = useState(from?.thumbUrl);
  const [importText, setImportText] = useState<string | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const providers = useQuery(trpc.provider.list.queryOptions());
  const create = useMutation(trpc.plan.create.mutationOptions());

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
  }, []);

  const plan = draftToPlan(draft);
  const valid = variationPlan.safeParse(plan);
  const request = {
    plan,
    provider,
    ...(Number(budget) > 0 ? { budget: Number(budget) } : {}),
  };
  const debounced = useDebounced(request);
  const estimate = useQuery(
    // Ask only for a plan that is valid as sent (the debounced one can lag the form).
    trpc.plan.estimate.queryOptions(debounced, {
      enabled: valid.success && variationPlan.safeParse(debounced.plan).success,
      retry: false,
    }),
  );
  const editors = (providers.data ?? []).filter(
    (p) => p.configured && p.models.some((m) => m.operations.includes('edit')),
  );
  const problems = estimate.data?.problems ?? [];
  const perBatch = rowsPerBatch(draft);
  const schemaProblems = planFieldProblems(valid.success ? [] : valid.error.issues, perBatch);
  const serverProblems = planFieldProblems(problems, perBatch);
  const { field, revealAll } = useShownProblems(schemaProblems, serverProblems);
  // What fits no field (too many variations, an odd imported plan) shows below the rows.
  const planWide = ['rows', 'form'].flatMap((name) => field(name).problem ?? []);
  const target = providers.data?.find((p) => p.id === estimate.data?.provider);
  const canRun =
    valid.success &&
    estimate.isSuccess &&
    problems.length === 0 &&
    (!estimate.data.overBudget || overBudgetOk) &&
    !create.isPending;

  const importPlan = (text: string) => {
    try {
      const parsed = variationPlan.safeParse(JSON.parse(text));
      if (!parsed.success) {
        const said = [...planFieldProblems(parsed.error.issues, 1).values()].map((p) =>
          t(p.key, p.values),
        );
        setImportError([...new Set(said)].join(' · '));
        return;
      }
      setDraft(planToDraft(parsed.data));
      setReferenceThumb(undefined);
      setImportText(null);
      setImportError(null);
    } catch (e) {
      setImportError(errorMessage(e));
    }
  };

  return (
    <dialog
      ref={dialog}
      aria-labelledby="plan-builder-heading"
      onClose={onClose}
      className="m-auto max-h-[92vh] w-[min(56rem,96vw)] overflow-y-auto rounded-xl bg-white p-0 text-stone-900 shadow-2xl backdrop:bg-black/50 dark:bg-stone-900 dark:text-stone-100"
    >
      <form
        method="dialog"
        className="flex flex-col gap-4 p-5"
        onSubmit={(e) => {
          e.preventDefault();
          if (!valid.success) {
            revealAll();
            if (planNumberFields.some(([name]) => schemaProblems.has(name))) setAdvancedOpen(true);
            return;
          }
          if (!canRun) return;
          create.mutate(
            { ...request, confirmOverBudget: overBudgetOk },
            {
              onSuccess: (created) => {
                onCreated(created.id);
                dialog.current?.close();
              },
            },
          );
        }}
      >
        <div className="flex flex-wrap items-center gap-3">
          <h2 id="plan-builder-heading" className="text-lg font-semibold">
            {t('plan.builderHeading')}
          </h2>
          <span className="ml-auto flex flex-wrap gap-2">
            <button
              type="button"
              className={input}
              onClick={() => setImportText(importText === null ? '' : null)}
            >
              {t('plan.import')}
            </button>
            <button
              type="button"
              className={input}
              onClick={() => download(`${draft.planId}.json`, JSON.stringify(plan, null, 2))}
            >
              {t('plan.export')}
            </button>
            <button type="button" className={input} onClick={() => dialog.current?.close()}>
              {t('lightbox.close')}
            </button>
          </span>
        </div>
        {importText !== null && (
          <div className="flex flex-col gap-2">
            <label className="flex flex-col gap-1 text-sm font-medium">
              {t('plan.pasteJson')}
              <textarea
                rows={8}
                value={importText}
                onChange={(e) => setImportText(e.target.value)}
                className={`${input} font-mono text-xs`}
              />
            </label>
            <span className="flex gap-2">
              <button type="button" className={input} onClick={() => importPlan(importText)}>
                {t('plan.useJson')}
              </button>
              <input
                type="file"
                accept="application/json,.json"
                aria-label={t('plan.importFile')}
                onChange={(e) => void e.target.files?.[0]?.text().then(importPlan)}
                className="text-sm"
              />
            </span>
            {importError && (
              <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
                {importError}
              </p>
            )}
          </div>
        )}
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
          <PlanReferenceField
            value={draft.reference}
            thumbUrl={referenceThumb}
            onChange={(reference) => {
              setDraft({ ...draft, reference: reference.id });
              setReferenceThumb(reference.thumbUrl);
            }}
            field={field('reference')}
          />
          <PlanField label={t('plan.planId')} field={field('planId')}>
            <input
              className={input}
              value={draft.planId}
              onChange={(e) => setDraft({ ...draft, planId: e.target.value })}
              {...field('planId').input}
            />
          </PlanField>
          <label className="flex flex-col gap-1 text-sm font-medium">
            {t('generate.provider')}
            <select
              className={input}
              value={provider}
              onChange={(e) => setProvider(e.target.value)}
            >
              {editors.map((p) => (
                <option key={p.id} value={p.id}>
                  {catalogLabel('provider', p, t)}
                </option>
              ))}
            </select>
          </label>
          {estimate.data?.unit !== freeUnit && (
            <label className="flex flex-col gap-1 text-sm font-medium">
              {t('plan.budget')}
              <span className="flex items-center gap-2">
                <input
                  type="number"
                  min={0}
                  step="any"
                  className={`${input} min-w-0 flex-1`}
                  value={budget}
                  onChange={(e) => setBudget(e.target.value)}
                />
                {estimate.data?.unit && (
                  <span className="text-xs font-normal text-stone-600 dark:text-stone-400">
                    {estimate.data.unit}
                  </span>
                )}
              </span>
            </label>
          )}
        </div>
        <PlanAdvanced
          draft={draft}
          onChange={setDraft}
          open={advancedOpen}
          onToggle={setAdvancedOpen}
          field={field}
        />
        <PlanRows
          rows={draft.rows}
          onChange={(rows) => setDraft({ ...draft, rows })}
          field={field}
        />
        <div aria-live="polite" className="flex flex-col gap-1 text-sm" data-testid="plan-estimate">
          {planWide.map((problem) => (
            <p key={problem.id} id={problem.id} className="text-rose-700 dark:text-rose-300">
              {problem.text}
            </p>
          ))}
          {estimate.isError && (
            <p role="alert" className="text-rose-700 dark:text-rose-300">
              {errorMessage(estimate.error)}
            </p>
          )}
          {estimate.data && (
            <p>
              {t('plan.estimate', {
                count: estimate.data.tasks,
                model: estimate.data.model,
                amount: planAmountLabel(estimate.data.amount, estimate.data.unit, t),
              })}
            </p>
          )}
          <ModelLifecycleNote
            model={target?.models.find((m) => m.id === estimate.data?.model)}
            models={target?.models ?? []}
            now={providers.dataUpdatedAt}
          />
          {estimate.data?.overBudget && (
            <label className="flex items-center gap-2 font-medium text-amber-700 dark:text-amber-400">
              <input
                type="checkbox"
                checked={overBudgetOk}
                onChange={(e) => setOverBudgetOk(e.target.checked)}
              />
              {t('plan.confirmOverBudget')}
            </label>
          )}
          {create.isError && (
            <p role="alert" className="text-rose-700 dark:text-rose-300">
              {errorMessage(create.error)}
            </p>
          )}
        </div>
        <button
          type="submit"
          // An invalid form stays clickable: trying to submit shows what is missing.
          disabled={valid.success && !canRun}
          className="rounded-lg bg-amber-400 px-4 py-2 font-semibold text-stone-950 hover:bg-amber-300 disabled:cursor-not-allowed disabled:opacity-50"
        >
          {create.isPending
            ? t('generate.submitting')
            : t('plan.run', { count: draft.rows.length })}
        </button>
      </form>
    </dialog>
  );
}
