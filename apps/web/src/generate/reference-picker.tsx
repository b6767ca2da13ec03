import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Asset } from '@genhub/core/schemas';
import { errorMessage } from '../lib/error-message';
import { uploadAsset } from './upload-asset';

export function ReferencePicker({
  assets,
  max,
  label,
  onChange,
}: {
  assets: Asset[];
  max: number;
  /** The legend; "Reference images" when absent. */
  label?: string;
  onChange: (assets: Asset[]) => void;
}) {
  const { t } = useTranslation();
  const [uploading, setUploading] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  const add = async (files: File[]) => {
    setError(null);
    const room = files.slice(0, Math.max(0, max - assets.length));
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
      <legend className="mb-1 text-sm font-medium">{label ?? t('upload.label')}</legend>
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
        className={`flex cursor-pointer flex-col items-center gap-1 rounded-lg border-2 border-dashed p-4 text-center text-sm ${
          dragging
            ? 'border-amber-500 bg-amber-50 dark:bg-amber-950'
            : 'border-stone-300 dark:border-stone-700'
        }`}
      >
        <span>{uploading > 0 ? t('upload.uploading') : t('upload.drop')}</span>
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
                onClick={() => onChange(assets.filter((a) => a.id !== asset.id))}
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
