import { describe, expect, it } from 'vitest';
import { setProviderKeyInput } from './provider-key-input';

describe('setProviderKeyInput', () => {
  const parse = (name: string, value: string) => setProviderKeyInput.safeParse({ name, value });

  it('takes a known name and a trimmed value', () => {
    expect(parse('KIE_API_KEY', '  kie-key-123  \n').data).toEqual({
      name: 'KIE_API_KEY',
      value: 'kie-key-123',
    });
    expect(parse('REPLICATE_WEBHOOK_SECRET', 'whsec_abc=').success).toBe(true);
  });

  it('refuses other names, empty, long or spaced values, and what the variable would refuse', () => {
    expect(parse('PUBLIC_BASE_URL', 'https://x.example').success).toBe(false);
    expect(parse('kie_api_key', 'k').success).toBe(false);
    expect(parse('KIE_API_KEY', '   ').success).toBe(false);
    expect(parse('KIE_API_KEY', 'a'.repeat(4097)).success).toBe(false);
    expect(parse('KIE_API_KEY', 'a'.repeat(4096)).success).toBe(true);
    expect(parse('KIE_API_KEY', 'two words').success).toBe(false);
    expect(parse('KIE_API_KEY', 'tab\there').success).toBe(false);
    expect(parse('KIE_API_KEY', 'line\r\nX-Injected: 1').success).toBe(false);
    expect(parse('KIE_API_KEY', 'clé').success).toBe(false);
    const webhook = parse('REPLICATE_WEBHOOK_SECRET', 'not-a-whsec-secret');
    expect(webhook.error?.issues.map((i) => i.path)).toEqual([['value']]);
  });

  it('never puts the value in its messages', () => {
    const secret = 'sk-secret value-that-is-refused';
    const result = parse('KIE_API_KEY', secret);
    expect(JSON.stringify(result.error?.issues)).not.toContain('sk-secret');
  });
});
