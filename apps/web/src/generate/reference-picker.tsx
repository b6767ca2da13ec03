import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Asset } from '@genhub/core/schemas';
import { errorMessage } from '../lib/error-message';
import { dropZoneText } from './drop-zone-text';
import { uploadAsset } from './upload-asset';

export function ReferencePicker({
  assets,
  max,
  min = 0,
  label,
  onChange,
}: {
  assets: Asset[];
  /** How many the zone takes, from core's `referenceLimit`. */
  max: number;
  min?: number;
  /** The legend; "Reference images" when absent. */
  label?: string;
  onChange: (assets: Asset[]) => void;
}) {
  const { t } = useTranslation();
  const [uploading, setUploading] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  // What the last drop left out, and for which limit (a change of mode makes it stale).
  const [leftOut, setLeftOut] = useState<{ count: number; max: number } | null>(null);
  const text = dropZoneText({ min, max }, assets.length, t);

  const add = async (files: File[]) => {
    setError(null);
    const room = files.slice(0, Math.max(0, max - assets.length));
    setLeftOut(files.length > room.length ? { count: files.length - room.length, max } : null);
    setUploading((n) => n + room.length);
    const added: Asset[] = [];
    for (const file of room) {
      try {
        added.push(await uploadAsset(file));
      } catch (e) {
        setError(t('upload.failed', { message: errorMessage(e) }));
      } finally {
        setUploading((n) => n - 1);
      }
    }
    if (added.length) onChange([...assets, ...added]);
  };

  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 flex w-full items-baseline justify-between gap-2 text-sm font-medium">
        {label ?? t('upload.label')}
        {(assets.length > 0 || min > 0) && (
          <span
            data-testid="reference-count"
            className="text-xs font-normal text-stone-600 tabular-nums dark:text-stone-400"
          >
            {text.filled}
          </span>
        )}
      </legend>
      <label
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void add([...e.dataTransfer.files]);
        }}
        className={`flex cursor-pointer flex-col items-center gap-1 rounded-lg border-2 border-dashed p-4 text-center text-sm ${assets.length >= max ? 'text-stone-600 dark:text-stone-400' : ''} ${
          dragging
            ? 'border-amber-500 bg-amber-50 dark:bg-amber-950'
            : 'border-stone-300 dark:border-stone-700'
        }`}
      >
        <span>{uploading > 0 ? t('upload.uploading') : text.prompt}</span>
        <span className="text-xs text-stone-600 dark:text-stone-400">{t('upload.hint')}</span>
        <input
          type="file"
          accept="image/png,image/jpeg,image/webp"
          multiple
          className="sr-only"
          data-testid="reference-input"
          onChange={(e) => {
            void add([...(e.target.files ?? [])]);
            e.target.value = '';
          }}
        />
      </label>
      {leftOut && leftOut.max === max && (
        <p role="status" className="text-xs text-amber-800 dark:text-amber-300">
          {t('composer.leftOut', { count: leftOut.count, max })}
        </p>
      )}
      {error && (
        <p role="alert" className="text-xs text-rose-700 dark:text-rose-300">
          {error}
        </p>
      )}
      {assets.length > 0 && (
        <ul className="flex flex-wrap gap-2">
          {assets.map((asset, i) => (
            <li key={asset.id} className="relative">
              <img src={asset.url} alt="" className="size-16 rounded-md object-cover" />
              <button
                type="button"
                onClick={() => {
                  setLeftOut(null);
                  onChange(assets.filter((a) => a.id !== asset.id));
                }}
                aria-label={t('upload.remove', { index: i + 1 })}
                className="absolute -top-2 -right-2 size-6 rounded-full bg-stone-900 text-xs text-white"
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
