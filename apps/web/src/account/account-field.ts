import { emailProblem, nameProblem, passwordProblem } from './account-validation';
import type { TextFieldSpec } from './use-text-form';

const shapes = {
  email: { type: 'email', check: emailProblem },
  name: { check: nameProblem },
  password: { type: 'password', check: passwordProblem },
} as const;

/** A text field the account forms ask for; each form names it and says how the browser may fill it. */
export const accountField = <N extends keyof typeof shapes>(
  name: N,
  label: string,
  autoComplete: string,
): TextFieldSpec<N> => ({ name, label, autoComplete, ...shapes[name] });
