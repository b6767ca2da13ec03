export interface SelectOption<T extends string> {
  value: T;
  label: string;
  disabled?: boolean;
  title?: string;
}

/** A labelled native select over typed values. */
export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T | '';
  options: SelectOption<T>[];
  onChange: (value: T) => void;
}) {
  return (
    <label className="flex flex-col gap-1 text-sm font-medium">
      {label}
      <select
        value={value}
        onChange={(e) => {
          const picked = options.find((o) => o.value === e.target.value);
          if (picked) onChange(picked.value);
        }}
        className="rounded-md border border-stone-300 bg-white px-2 py-1.5 font-normal dark:border-stone-700 dark:bg-stone-900"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled} title={o.title}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
