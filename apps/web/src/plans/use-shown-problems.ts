import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from './plan-field-problems';

/** What one field needs: props for its input, and its problem when it is shown. */
export interface ShownField {
  input: {
    onBlur: () => void;
    'aria-invalid': boolean;
    'aria-describedby': string | undefined;
  };
  problem: { id: string; text: string } | undefined;
}

/**
 * Shows a field's problem only once the user has left the field, or after they tried to
 * submit (`revealAll`): an untouched form is not shouted at. Problems in `always` (the server's,
 * about what the user already chose) show at once.
 */
export function useShownProblems(
  problems: ReadonlyMap<string, FieldProblem>,
  always: ReadonlyMap<string, FieldProblem> = new Map(),
) {
  const { t } = useTranslation();
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [all, setAll] = useState(false);
  const touch = useCallback(
    (name: string) => setTouched((s) => (s.has(name) ? s : new Set(s).add(name))),
    [],
  );
  const field = (name: string): ShownField => {
    const pending = problems.get(name);
    const found = always.get(name) ?? pending;
    const shown = found && (found !== pending || all || touched.has(name));
    const id = `plan-problem-${name.replaceAll('.', '-')}`;
    return {
      input: {
        onBlur: () => touch(name),
        'aria-invalid': Boolean(shown),
        'aria-describedby': shown ? id : undefined,
      },
      problem: shown ? { id, text: t(found.key, found.values) } : undefined,
    };
  };
  return { field, revealAll: useCallback(() => setAll(true), []) };
}
