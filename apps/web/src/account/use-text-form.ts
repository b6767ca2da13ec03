import { useState } from 'react';
import type { FieldProblem } from './account-validation';
import type { TextFieldProps, WordedProblem } from './text-field';

/** One text field of a form: how it shows, and what is wrong with a value (it may read the others). */
export type TextFieldSpec<K extends string> = {
  name: K;
  check: (value: string, valueOf: (name: K) => string) => FieldProblem | WordedProblem | null;
} & Omit<TextFieldProps, 'value' | 'onChange' | 'problem' | 'showProblem'>;

/**
 * The values of a form's text fields and their problems, shown once a field was left or the
 * form was sent. `send` marks the form sent and says whether every field is fine; `clear`
 * starts over with fresh fields. A field starts with its `initial` value, else empty.
 */
export function useTextForm<K extends string>(
  specs: readonly TextFieldSpec<K>[],
  initial: Partial<Record<K, string>> = {},
) {
  const [values, setValues] = useState<ReadonlyMap<K, string>>(() => new Map());
  const [sent, setSent] = useState(false);
  // Bumped by `clear`, so the fields come back as never left.
  const [round, setRound] = useState(0);
  const valueOf = (name: K) => values.get(name) ?? initial[name] ?? '';
  const fields = specs.map(({ name, check, ...shown }) => ({
    ...shown,
    key: `${round}:${name}`,
    value: valueOf(name),
    onChange: (value: string) => setValues((v) => new Map(v).set(name, value)),
    problem: check(valueOf(name), valueOf),
    showProblem: sent,
  }));
  return {
    fields,
    valueOf,
    send: () => {
      setSent(true);
      return fields.every((f) => f.problem === null);
    },
    clear: () => {
      setValues(new Map());
      setSent(false);
      setRound((r) => r + 1);
    },
  };
}
