import type { ReactNode } from 'react';
import type { ShownField } from './use-shown-problems';

/**
 * A labelled field with its problem below. The problem sits outside the label, so it describes
 * the field without renaming it.
 */
export function PlanField({
  label,
  field,
  className = '',
  size = 'sm',
  children,
}: {
  label: ReactNode;
  field: ShownField;
  className?: string;
  size?: 'sm' | 'xs';
  children: ReactNode;
}) {
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label className={`flex flex-col gap-1 font-medium ${size === 'sm' ? 'text-sm' : 'text-xs'}`}>
        {label}
        {children}
      </label>
      {field.problem && (
        <p id={field.problem.id} className="text-xs text-rose-700 dark:text-rose-300">
          {field.problem.text}
        </p>
      )}
    </div>
  );
}
