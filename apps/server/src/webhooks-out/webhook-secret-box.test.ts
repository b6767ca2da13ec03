import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createWebhookSecretBox } from './webhook-secret-box';

describe('the webhook secret box', () => {
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

  it('seals a secret so that only its endpoint, under the same key, opens it', () => {
    const box = createWebhookSecretBox(randomBytes(32));
    const sealed = box.seal('endpoint-a', secret);
    expect(sealed).not.toContain(secret.slice(6));
    expect(box.open('endpoint-a', sealed)).toBe(secret);
    expect(box.open('endpoint-b', sealed)).toBeNull();
    expect(createWebhookSecretBox(randomBytes(32)).open('endpoint-a', sealed)).toBeNull();
    expect(box.seal('endpoint-a', secret)).not.toBe(sealed);
  });
});
