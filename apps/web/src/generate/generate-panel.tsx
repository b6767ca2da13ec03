import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  isVideoOperation,
  operationRules,
  promptMaxLength,
  referenceLimit,
  requestDefaultAspectRatio,
  takesCount,
  unitPrice as listPrice,
  type AspectRatio,
  type Operation,
  type OperationOptions,
  type OutputFormat,
  type Resolution,
} from '@genhub/core/schemas';
import { MissingProviderKeys } from '../account/missing-provider-keys';
import { errorMessage } from '../lib/error-message';
import { useTRPC } from '../trpc';
import { actionLabel } from './action-label';
import { useGenerateIntents } from './generate-intents';
import { ModePicker } from './mode-picker';
import { OperationFields } from './operation-fields';
import { ReferencePicker } from './reference-picker';
import { SelectField } from './select-field';
import { ModelLifecycleNote } from './model-lifecycle-note';
import { MoreOptions } from './more-options';
import { aspectRatioField } from './aspect-ratio-field';
import { modelLifecycleView } from './model-lifecycle-view';
import { pickModel } from './pick-model';
import { ReferenceNotice } from './reference-notice';
import { referenceChangeText } from './reference-change-text';
import { useModeReferences } from './use-mode-references';
import { catalogLabel } from '../i18n/catalog-label';

const field = 'flex flex-col gap-1 text-sm font-medium';
const control =
  'rounded-md border border-stone-300 bg-white px-2 py-1.5 font-normal dark:border-stone-700 dark:bg-stone-900';

/** What decides how many references fit. */
interface ModeChoice {
  operation: Operation;
  options: OperationOptions;
  providerId: string;
  modelId: string | null;
}

/** The studio's form; `onSubmitted` runs once a task (or batch) is accepted. */
export function GeneratePanel({ onSubmitted }: { onSubmitted?: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const providers = useQuery(trpc.provider.list.queryOptions());
  const create = useMutation(trpc.task.create.mutationOptions());
  const batchEdit = useMutation(trpc.plan.batchEdit.mutationOptions());

  const [operation, setOperation] = useState<Operation>('generate');
  const [prompt, setPrompt] = useState('');
  const [providerId, setProviderId] = useState('local');
  const [modelId, setModelId] = useState<string | null>(null);
  // Null until the user picks one: the operation's default (`aspectRatioField`).
  const [aspectRatio, setAspectRatio] = useState<AspectRatio | null>(null);
  const [count, setCount] = useState(1);
  const [outputFormat, setOutputFormat] = useState<OutputFormat>('png');
  const [resolution, setResolution] = useState<Resolution | null>(null);
  const refs = useModeReferences();
  const { references, setReferences } = refs;
  const [options, setOptions] = useState<OperationOptions>({});
  const rule = operationRules[operation];
  const video = isVideoOperation(operation);

  const providerOf = (id: string) => providers.data?.find((p) => p.id === id);
  const provider = providerOf(providerId);
  const needs = operation === 'batch-edit' ? 'edit' : operation;
  const { models, model } = pickModel(provider, operation, modelId);
  // Lifecycle marks are read as of when the server listed the models.
  const listedAt = providers.dataUpdatedAt;
  const limit = referenceLimit(operation, options, model);
  const maxReferences = limit.max;

  const limitOf = (next: ModeChoice) =>
    referenceLimit(
      next.operation,
      next.options,
      pickModel(providerOf(next.providerId), next.operation, next.modelId).model,
    ).max;
  /** Fits the references to the mode about to be chosen; the notice can undo it. */
  const refit = (next: ModeChoice, undoable: boolean) => {
    const before = {
      operation,
      options,
      aspectRatio,
      providerId,
      modelId,
      references,
      aside: refs.aside,
    };
    const undo = () => {
      setOperation(before.operation);
      setOptions(before.options);
      setAspectRatio(before.aspectRatio);
      setProviderId(before.providerId);
      setModelId(before.modelId);
      refs.restore(before);
    };
    refs.refit(next.operation, limitOf(next), undoable ? undo : null);
  };
  const current: ModeChoice = { operation, options, providerId, modelId };
  /** A change of settings that may narrow how many references fit. */
  const changeMode = (patch: Partial<ModeChoice>) => {
    const next = { ...current, ...patch };
    if (limitOf(next) !== maxReferences) refit(next, true);
  };
  useGenerateIntents((intent) => {
    if (intent.kind === 'reference') {
      if (rule.references.max === 0) {
        setOperation(video ? 'image-to-video' : 'edit');
        setOptions({});
        setAspectRatio(null);
      }
      setReferences((current) => [
        ...current.filter((r) => r.id !== intent.asset.id),
        intent.asset,
      ]);
      return;
    }
    // Reuse settings: the form as the task was made, references only when asked.
    const { task } = intent;
    setOperation(task.operation);
    setPrompt(task.prompt);
    setProviderId(task.provider);
    setModelId(task.model);
    setAspectRatio(task.aspectRatio);
    if (takesCount(task.operation)) setCount(task.count);
    setOutputFormat(task.outputFormat);
    setResolution(task.resolution);
    setOptions(task.options);
    if (intent.references) refs.restore({ references: intent.references, aside: [] });
    else
      refit(
        {
          operation: task.operation,
          options: task.options,
          providerId: task.provider,
          modelId: task.model,
        },
        false,
      );
  });

  const formats = (model?.outputFormats ?? []).filter(
    // A cut-out needs an alpha channel.
    (f) => operation !== 'remove-background' || f !== 'jpeg',
  );
  const aspect = aspectRatioField(operation, aspectRatio, model?.aspectRatios ?? []);
  const canSubmit =
    (!rule.promptRequired || prompt.trim().length > 0) &&
    !!model &&
    references.length >= rule.references.min &&
    references.length <= maxReferences &&
    !create.isPending &&
    !batchEdit.isPending;
  const size = model && resolution && model.resolutions.includes(resolution) ? resolution : null;
  const unitPrice = model
    ? (listPrice(model, needs, size ?? model.resolutions[0])?.amount ?? null)
    : null;
  const images =
    operation === 'batch-edit' ? Math.max(references.length, 1) : takesCount(operation) ? count : 1;

  // What "More options" folds away on a phone, in a line.
  const settingsSummary = [
    model && catalogLabel('model', model, t),
    !rule.shapedByInput &&
      (aspect.value === 'auto' && aspect.fromImage ? t('generate.aspectAuto') : aspect.value),
  ]
    .filter(Boolean)
    .join(' · ');

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!canSubmit || !model) return;
    if (operation === 'batch-edit') {
      batchEdit.mutate(
        {
          prompt,
          assetIds: references.map((r) => r.id),
          provider: providerId,
          model: model.id,
          strength: options.strength ?? 0.8,
          outputFormat: formats.includes(outputFormat) ? outputFormat : (formats[0] ?? 'png'),
        },
        { onSuccess: onSubmitted },
      );
      return;
    }
    create.mutate(
      {
        // One key per click: if this request is sent again, the server returns the same task.
        idempotencyKey: crypto.randomUUID(),
        operation,
        // Operations without a prompt field send none (what was typed for another mode stays).
        ...(rule.promptRequired ? { prompt } : {}),
        provider: providerId,
        model: model.id,
        ...(rule.shapedByInput || aspect.send === undefined ? {} : { aspectRatio: aspect.send }),
        ...(takesCount(operation) ? { count: Math.min(count, model.maxImages) } : {}),
        ...(video
          ? {}
          : {
              outputFormat: formats.includes(outputFormat) ? outputFormat : (formats[0] ?? 'png'),
            }),
        ...(resolution && model.resolutions.includes(resolution) ? { resolution } : {}),
        ...(rule.references.max === 0 ? {} : { assetIds: references.map((r) => r.id) }),
        ...(Object.keys(options).length > 0 ? { options } : {}),
      },
      { onSuccess: onSubmitted },
    );
  };

  const chooseOperation = (next: Operation) => {
    setOperation(next);
    // A ratio picked for a prompt does not carry over to an edit's image shape, nor back.
    if (requestDefaultAspectRatio(next) !== requestDefaultAspectRatio(operation)) {
      setAspectRatio(null);
    }
    // Options belong to one operation; references carry over as far as they fit, the rest
    // wait aside (and the notice says so).
    setOptions({});
    refit({ ...current, operation: next, options: {} }, true);
  };

  return (
    <form
      onSubmit={submit}
      data-testid="generate-form"
      aria-labelledby="generate-heading"
      className="flex w-full flex-col gap-4 rounded-xl border border-stone-200 bg-white p-4 shadow-sm dark:border-stone-800 dark:bg-stone-900"
    >
      <h2 id="generate-heading" className="text-lg font-semibold">
        {t('generate.heading')}
      </h2>
      <ModePicker value={operation} onChange={chooseOperation} />
      {rule.promptRequired && (
        <label className={field}>
          {t('generate.prompt')}
          <textarea
            value={prompt}
            onChange={(e) => setPrompt(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
            }}
            maxLength={promptMaxLength}
            rows={5}
            placeholder={t('generate.promptPlaceholder')}
            className={`${control} resize-y`}
          />
          <span className="self-end text-xs font-normal text-stone-600 dark:text-stone-400">
            {prompt.length} / {promptMaxLength}
          </span>
        </label>
      )}
      {refs.notice && (
        <ReferenceNotice
          text={referenceChangeText(refs.notice.change, refs.notice.operation, refs.notice.max, t)}
          setAside={refs.notice.change.kind === 'set-aside'}
          onUndo={refs.notice.undo}
          onDismiss={refs.dismiss}
        />
      )}
      {rule.references.max > 0 && (
        <ReferencePicker
          assets={references}
          min={limit.min}
          max={maxReferences}
          label={
            operation === 'image-to-video' && options.videoMode === 'reference'
              ? t('operation.videoReferences', { max: maxReferences })
              : t(`operation.references.${operation}`, { max: maxReferences })
          }
          onChange={setReferences}
        />
      )}
      <OperationFields
        operation={operation}
        options={options}
        onChange={(next) => {
          setOptions(next);
          changeMode({ options: next });
        }}
        {...(model?.videoModes ? { videoModes: model.videoModes } : {})}
      />
      <MoreOptions summary={settingsSummary}>
        <div className="grid grid-cols-2 gap-3">
          <SelectField
            label={t('generate.provider')}
            value={providerId}
            onChange={(id) => {
              setProviderId(id);
              setModelId(null);
              changeMode({ providerId: id, modelId: null });
            }}
            options={(providers.data ?? []).map((p) => ({
              value: p.id,
              label: p.configured
                ? catalogLabel('provider', p, t)
                : `${catalogLabel('provider', p, t)} (${t('generate.notConfigured')})`,
              disabled: !p.configured,
              ...(p.hint ? { title: p.hint } : {}),
            }))}
          />
          <SelectField
            label={t('generate.model')}
            value={model?.id ?? ''}
            onChange={(id) => {
              setModelId(id);
              changeMode({ modelId: id });
            }}
            options={models.map((m) => {
              const tag = modelLifecycleView(m, listedAt, t)?.tag;
              const label = catalogLabel('model', m, t);
              return { value: m.id, label: tag ? `${label} · ${tag}` : label };
            })}
          />
          {!rule.shapedByInput && (
            <SelectField
              label={t('generate.aspectRatio')}
              value={aspect.value}
              onChange={setAspectRatio}
              options={aspect.choices.map((r) => ({
                value: r,
                label: r === 'auto' && aspect.fromImage ? t('generate.aspectAuto') : r,
              }))}
            />
          )}
          {takesCount(operation) && (
            <SelectField
              label={t('generate.count')}
              value={String(count)}
              onChange={(n) => setCount(Number(n))}
              options={Array.from({ length: model?.maxImages ?? 1 }, (_, i) => ({
                value: String(i + 1),
                label: String(i + 1),
              }))}
            />
          )}
          {!video && (
            <SelectField
              label={t('generate.format')}
              value={formats.includes(outputFormat) ? outputFormat : (formats[0] ?? 'png')}
              onChange={setOutputFormat}
              options={formats.map((f) => ({ value: f, label: f.toUpperCase() }))}
            />
          )}
          {model && model.resolutions.length > 0 && (
            <SelectField
              label={t('generate.resolution')}
              value={
                resolution && model.resolutions.includes(resolution)
                  ? resolution
                  : (model.resolutions[0] ?? '')
              }
              onChange={setResolution}
              options={model.resolutions.map((r) => ({ value: r, label: r }))}
            />
          )}
        </div>
        <MissingProviderKeys providers={providers.data ?? []} />
      </MoreOptions>
      <ModelLifecycleNote model={model} models={provider?.models ?? []} now={listedAt} />
      {model?.price && unitPrice !== null && !provider?.local && (
        <p className="text-xs text-stone-600 dark:text-stone-400">
          {video
            ? t('generate.priceClip', { amount: unitPrice, unit: model.price.unit })
            : images > 1
              ? t('generate.priceTotal', {
                  amount: unitPrice * images,
                  unit: model.price.unit,
                  count: images,
                })
              : t('generate.price', { amount: unitPrice, unit: model.price.unit })}
        </p>
      )}
      {provider?.local && (
        <p className="text-xs text-stone-600 dark:text-stone-400">
          {video ? t('operation.localVideoNote') : t('generate.localNote')}
        </p>
      )}
      {(create.error ?? batchEdit.error) && (
        <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
          {errorMessage(create.error ?? batchEdit.error)}
        </p>
      )}
      <button
        type="submit"
        disabled={!canSubmit}
        className="rounded-lg bg-amber-400 px-4 py-2 font-semibold text-stone-950 hover:bg-amber-300 disabled:cursor-not-allowed disabled:opacity-50"
      >
        {create.isPending || batchEdit.isPending
          ? t('generate.submitting')
          : actionLabel(operation, t)}
        <span className="ml-2 text-xs font-normal opacity-70">{t('generate.shortcut')}</span>
      </button>
    </form>
  );
}
