import { describe, expect, it } from 'vitest';
import { emailProblem, nameProblem, passwordProblem, repeatProblem } from './account-validation';

describe('account fields', () => {
  it('asks for an email address that looks like one', () => {
    expect(emailProblem('  ')).toBe('required');
    expect(emailProblem('ada')).toBe('email');
    expect(emailProblem('ada@example')).toBe('email');
    expect(emailProblem(`${'a'.repeat(250)}@example.com`)).toBe('tooLong');
    expect(emailProblem(' Ada@Example.com ')).toBeNull();
  });

  it('wants a name of 1 to 100 characters', () => {
    expect(nameProblem(' ')).toBe('required');
    expect(nameProblem('a'.repeat(101))).toBe('tooLong');
    expect(nameProblem('Ada')).toBeNull();
  });

  it('wants a password of 8 to 128 characters', () => {
    expect(passwordProblem('')).toBe('required');
    expect(passwordProblem('1234567')).toBe('passwordShort');
    expect(passwordProblem('a'.repeat(129))).toBe('passwordLong');
    expect(passwordProblem('12345678')).toBeNull();
  });

  it('wants the repeated password to match', () => {
    expect(repeatProblem('secret-one', '')).toBe('required');
    expect(repeatProblem('secret-one', 'secret-two')).toBe('mismatch');
    expect(repeatProblem('secret-one', 'secret-one')).toBeNull();
  });
});
