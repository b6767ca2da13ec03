import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  promptMaxLength,
  type Asset,
  type AspectRatio,
  type Operation,
  type OutputFormat,
  type Resolution,
} from '@genhub/core/schemas';
import { errorMessage } from '../lib/error-message';
import { useTRPC } from '../trpc';
import { ReferencePicker } from './reference-picker';
import { SelectField } from './select-field';

const field = 'flex flex-col gap-1 text-sm font-medium';
const control =
  'rounded-md border border-stone-300 bg-white px-2 py-1.5 font-normal dark:border-stone-700 dark:bg-stone-900';

export function GeneratePanel() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const providers = useQuery(trpc.provider.list.queryOptions());
  const create = useMutation(trpc.task.create.mutationOptions());

  const [operation, setOperation] = useState<Operation>('generate');
  const [prompt, setPrompt] = useState('');
  const [providerId, setProviderId] = useState('local');
  const [modelId, setModelId] = useState<string | null>(null);
  const [aspectRatio, setAspectRatio] = useState<AspectRatio>('1:1');
  const [count, setCount] = useState(1);
  const [outputFormat, setOutputFormat] = useState<OutputFormat>('png');
  const [resolution, setResolution] = useState<Resolution | null>(null);
  const [references, setReferences] = useState<Asset[]>([]);

  const provider = providers.data?.find((p) => p.id === providerId);
  // Only the models that can do the chosen mode; the default when it can, else the first.
  const models = provider?.models.filter((m) => m.operations.includes(operation)) ?? [];
  const model =
    models.find((m) => m.id === modelId) ??
    models.find((m) => m.id === provider?.defaultModel) ??
    models[0];
  const canSubmit =
    prompt.trim().length > 0 &&
    !!model &&
    (operation === 'generate' || references.length > 0) &&
    !create.isPending;

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!canSubmit || !model) return;
    create.mutate({
      // One key per click: if this request is sent again, the server returns the same task.
      idempotencyKey: crypto.randomUUID(),
      operation,
      prompt,
      provider: providerId,
      model: model.id,
      aspectRatio: model.aspectRatios.includes(aspectRatio)
        ? aspectRatio
        : (model.aspectRatios[0] ?? '1:1'),
      count: Math.min(count, model.maxImages),
      outputFormat: model.outputFormats.includes(outputFormat)
        ? outputFormat
        : (model.outputFormats[0] ?? 'png'),
      ...(resolution && model.resolutions.includes(resolution) ? { resolution } : {}),
      ...(operation === 'edit' ? { assetIds: references.map((r) => r.id) } : {}),
    });
  };

  const modeButton = (value: Operation, label: string) => (
    <button
      type="button"
      role="radio"
      aria-checked={operation === value}
      onClick={() => setOperation(value)}
      className={`flex-1 rounded-md px-3 py-1.5 text-sm ${
        operation === value ? 'bg-stone-900 text-white dark:bg-amber-400 dark:text-stone-950' : ''
      }`}
    >
      {label}
    </button>
  );

  return (
    <form
      onSubmit={submit}
      aria-labelledby="generate-heading"
      className="flex w-full flex-col gap-4 rounded-xl border border-stone-200 bg-white p-4 shadow-sm dark:border-stone-800 dark:bg-stone-900"
    >
      <h2 id="generate-heading" className="text-lg font-semibold">
        {t('generate.heading')}
      </h2>
      <div
        role="radiogroup"
        aria-label={t('generate.mode')}
        className="flex gap-1 rounded-lg bg-stone-100 p-1 dark:bg-stone-800"
      >
        {modeButton('generate', t('generate.textToImage'))}
        {modeButton('edit', t('generate.imageToImage'))}
      </div>
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
        <span className="self-end text-xs font-normal text-stone-500">
          {prompt.length} / {promptMaxLength}
        </span>
      </label>
      {operation === 'edit' && (
        <ReferencePicker
          assets={references}
          max={model?.maxReferenceImages ?? 1}
          onChange={setReferences}
        />
      )}
      <div className="grid grid-cols-2 gap-3">
        <SelectField
          label={t('generate.provider')}
          value={providerId}
          onChange={(id) => {
            setProviderId(id);
            setModelId(null);
          }}
          options={(providers.data ?? []).map((p) => ({
            value: p.id,
            label: p.configured ? p.label : `${p.label} (${t('generate.notConfigured')})`,
            disabled: !p.configured,
            ...(p.hint ? { title: p.hint } : {}),
          }))}
        />
        <SelectField
          label={t('generate.model')}
          value={model?.id ?? ''}
          onChange={setModelId}
          options={models.map((m) => ({ value: m.id, label: m.label }))}
        />
        <SelectField
          label={t('generate.aspectRatio')}
          value={aspectRatio}
          onChange={setAspectRatio}
          options={(model?.aspectRatios ?? []).map((r) => ({ value: r, label: r }))}
        />
        <SelectField
          label={t('generate.count')}
          value={String(count)}
          onChange={(n) => setCount(Number(n))}
          options={Array.from({ length: model?.maxImages ?? 1 }, (_, i) => ({
            value: String(i + 1),
            label: String(i + 1),
          }))}
        />
        <SelectField
          label={t('generate.format')}
          value={outputFormat}
          onChange={setOutputFormat}
          options={(model?.outputFormats ?? []).map((f) => ({ value: f, label: f.toUpperCase() }))}
        />
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
      {model?.price && !provider?.local && (
        <p className="text-xs text-stone-500">
          {t('generate.price', { amount: model.price.amount, unit: model.price.unit })}
        </p>
      )}
      {provider?.local && <p className="text-xs text-stone-500">{t('generate.localNote')}</p>}
      {create.isError && (
        <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
          {errorMessage(create.error)}
        </p>
      )}
      <button
        type="submit"
        disabled={!canSubmit}
        className="rounded-lg bg-amber-400 px-4 py-2 font-semibold text-stone-950 hover:bg-amber-300 disabled:cursor-not-allowed disabled:opacity-50"
      >
        {create.isPending ? t('generate.submitting') : t('generate.submit')}
        <span className="ml-2 text-xs font-normal opacity-70">{t('generate.shortcut')}</span>
      </button>
    </form>
  );
}
