import { useTranslation } from 'react-i18next';
import {
  defaultVideoDuration,
  enhancements,
  upscaleFactors,
  videoDurations,
  type Operation,
  type OperationOptions,
  type VideoMode,
} from '@genhub/core/schemas';
import { SelectField } from './select-field';

const check = 'flex items-center gap-2 text-sm';

/** The settings of the chosen operation (strength, mask, upscale factor, …). */
export function OperationFields({
  operation,
  options,
  onChange,
  videoModes = ['frames'],
}: {
  operation: Operation;
  options: OperationOptions;
  onChange: (options: OperationOptions) => void;
  /** The image-to-video modes the chosen model takes. */
  videoModes?: readonly VideoMode[];
}) {
  const { t } = useTranslation();
  const set = (patch: OperationOptions) => onChange({ ...options, ...patch });
  switch (operation) {
    case 'edit':
    case 'batch-edit':
    case 'style-transfer': {
      const strength = options.strength ?? 0.8;
      return (
        <label className="flex flex-col gap-1 text-sm font-medium">
          <span className="flex justify-between">
            {t('operation.strength')}
            <output className="font-normal tabular-nums">{strength.toFixed(1)}</output>
          </span>
          <input
            type="range"
            min={0.1}
            max={1}
            step={0.1}
            value={strength}
            onChange={(e) => set({ strength: Number(e.target.value) })}
            className="accent-amber-500"
          />
        </label>
      );
    }
    case 'remove-background':
      return (
        <div className="flex flex-wrap gap-4">
          <label className={check}>
            <input
              type="checkbox"
              checked={options.edgeSmooth ?? true}
              onChange={(e) => set({ edgeSmooth: e.target.checked })}
            />
            {t('operation.edgeSmooth')}
          </label>
          <label className={check}>
            <input
              type="checkbox"
              checked={options.returnMask ?? false}
              onChange={(e) => set({ returnMask: e.target.checked })}
            />
            {t('operation.returnMask')}
          </label>
        </div>
      );
    case 'enhance': {
      const enhancement = options.enhancement ?? 'upscale';
      return (
        <div className="grid grid-cols-2 gap-3">
          <SelectField
            label={t('operation.enhancement')}
            value={enhancement}
            onChange={(value) =>
              onChange(
                value === 'upscale'
                  ? { enhancement: value, upscaleFactor: 2 }
                  : { enhancement: value },
              )
            }
            options={enhancements.map((e) => ({
              value: e,
              label: t(`operation.enhancements.${e}`),
            }))}
          />
          {enhancement === 'upscale' && (
            <SelectField
              label={t('operation.upscaleFactor')}
              value={String(options.upscaleFactor ?? 2)}
              onChange={(value) => set({ upscaleFactor: value === '4' ? 4 : 2 })}
              options={upscaleFactors.map((f) => ({ value: String(f), label: `×${f}` }))}
            />
          )}
        </div>
      );
    }
    case 'text-to-video':
    case 'image-to-video': {
      // Reference images make 8-second clips only.
      const reference = operation === 'image-to-video' && options.videoMode === 'reference';
      return (
        <div className="grid grid-cols-2 gap-3">
          {operation === 'image-to-video' && (
            <SelectField
              label={t('operation.videoMode')}
              value={options.videoMode ?? 'frames'}
              onChange={(videoMode) =>
                set(
                  videoMode === 'reference'
                    ? { videoMode, durationSeconds: defaultVideoDuration }
                    : { videoMode },
                )
              }
              options={videoModes.map((m) => ({ value: m, label: t(`operation.videoModes.${m}`) }))}
            />
          )}
          <SelectField
            label={t('operation.duration')}
            value={String(options.durationSeconds ?? defaultVideoDuration)}
            onChange={(seconds) => set({ durationSeconds: Number(seconds) })}
            options={(reference ? [defaultVideoDuration] : videoDurations).map((s) => ({
              value: String(s),
              label: t('operation.seconds', { seconds: s }),
            }))}
          />
        </div>
      );
    }
    case 'generate':
      return null;
  }
}
