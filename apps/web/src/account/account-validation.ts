/** What is wrong with a field, as a key under `account.problems`. */
export type FieldProblem =
  'required' | 'email' | 'tooLong' | 'passwordShort' | 'passwordLong' | 'mismatch';

export const passwordMin = 8;
export const passwordMax = 128;
const emailMax = 254;
const nameMax = 100;

// The server checks the address fully; this only catches what is plainly not one.
const looksLikeEmail = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function emailProblem(value: string): FieldProblem | null {
  const email = value.trim();
  if (email === '') return 'required';
  if (email.length > emailMax) return 'tooLong';
  return looksLikeEmail.test(email) ? null : 'email';
}

export function nameProblem(value: string): FieldProblem | null {
  const name = value.trim();
  if (name === '') return 'required';
  return name.length > nameMax ? 'tooLong' : null;
}

export function passwordProblem(value: string): FieldProblem | null {
  if (value === '') return 'required';
  if (value.length < passwordMin) return 'passwordShort';
  return value.length > passwordMax ? 'passwordLong' : null;
}

export function repeatProblem(password: string, repeat: string): FieldProblem | null {
  if (repeat === '') return 'required';
  return repeat === password ? null : 'mismatch';
}
