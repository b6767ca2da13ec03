import { useId, useState, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { passwordMax, passwordMin, type FieldProblem } from './account-validation';

export const fieldClass = 'flex flex-col gap-1 text-sm font-medium';
export const inputClass =
  'rounded-md border border-stone-300 bg-white px-2 py-1.5 font-normal aria-[invalid=true]:border-rose-500 dark:border-stone-700 dark:bg-stone-900';

/** A problem a form words itself, where `account.problems` has no key for it. */
export type WordedProblem = { text: string };

export type TextFieldProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  problem?: FieldProblem | WordedProblem | null;
  /** Show the problem even before the field was left: the form was sent. */
  showProblem?: boolean;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>;

/**
 * A labelled input whose problem shows beside it, in plain words, once the field has been
 * left (or the form was sent).
 */
export function TextField({
  label,
  value,
  onChange,
  problem = null,
  showProblem = false,
  ...input
}: TextFieldProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const problemId = useId();
  const [touched, setTouched] = useState(false);
  const shown = problem !== null && (touched || showProblem);
  // The problem sits outside the label, so it describes the field without renaming it.
  return (
    <div className={fieldClass}>
      <label htmlFor={inputId}>{label}</label>
      <input
        {...input}
        id={inputId}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onBlur={() => setTouched(true)}
        aria-invalid={shown}
        aria-describedby={shown ? problemId : undefined}
        className={inputClass}
      />
      {shown && (
        <span id={problemId} className="text-xs font-normal text-rose-700 dark:text-rose-300">
          {typeof problem === 'string'
            ? t(`account.problems.${problem}`, { min: passwordMin, max: passwordMax })
            : problem.text}
        </span>
      )}
    </div>
  );
}

/** A form's text fields, in order, as `useTextForm` lays them out. */
export function TextFields({ fields }: { fields: readonly (TextFieldProps & { key: string })[] }) {
  return fields.map(({ key, ...field }) => <TextField key={key} {...field} />);
}
