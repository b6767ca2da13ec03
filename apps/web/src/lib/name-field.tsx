import { useId, useState } from 'react';

const control =
  'rounded-md border border-stone-300 bg-white px-2 py-1 text-sm dark:border-stone-700 dark:bg-stone-900';

/**
 * An inline "name this" form in place of the browser's `prompt()`: a labelled box that starts
 * focused, checked by `validate` when sent (`problemText` shows under the box if it fails), Escape
 * cancels.
 */
export function NameField({
  label,
  initial = '',
  submitLabel,
  cancelLabel,
  validate,
  problemText,
  busy = false,
  onSubmit,
  onCancel,
}: {
  label: string;
  initial?: string;
  submitLabel: string;
  cancelLabel: string;
  /** The name to send, cleaned up, or null when it will not do. */
  validate: (value: string) => string | null;
  /** What to say when `validate` refuses the name. */
  problemText: string;
  busy?: boolean;
  onSubmit: (name: string) => void;
  onCancel: () => void;
}) {
  const [value, setValue] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  return (
    <form
      className="flex flex-wrap items-center gap-1.5"
      onSubmit={(e) => {
        e.preventDefault();
        e.stopPropagation();
        const name = validate(value);
        if (name === null) setProblem(problemText);
        else onSubmit(name);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input
        id={id}
        autoFocus
        className={`${control} w-44`}
        value={value}
        placeholder={label}
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(e) => {
          setValue(e.target.value);
          setProblem(null);
        }}
      />
      <button type="submit" className={control} disabled={busy}>
        {submitLabel}
      </button>
      <button type="button" className={control} onClick={onCancel}>
        {cancelLabel}
      </button>
      {problem && (
        <p id={`${id}-problem`} className="w-full text-xs text-rose-700 dark:text-rose-300">
          {problem}
        </p>
      )}
    </form>
  );
}
