import { describe, expect, it } from 'vitest';
import type { Task } from '../../schemas';
import type { ParentTurn, ReferenceImage } from '../types';
import { geminiRequestBody } from './gemini-request-body';

const task = {
  provider: 'gemini',
  model: 'gemini-3.1-flash-image',
  prompt: 'add fog',
  aspectRatio: 'auto',
  resolution: null,
  seed: 7,
  safety: null,
} as const satisfies Partial<Task>;
const reference = (name: string, mime = 'image/png'): ReferenceImage => ({
  assetId: name,
  file: name,
  bytes: Buffer.from(name),
  mime,
  width: 1,
  height: 1,
});
const inline = (name: string, mime = 'image/png') => ({
  inline_data: { mime_type: mime, data: Buffer.from(name).toString('base64') },
});
const parent: ParentTurn = {
  provider: 'gemini',
  model: 'gemini-3.1-flash-image',
  prompt: 'make it night',
  thoughtSignature: 'c2ln',
};
const body = (
  p: ParentTurn | null,
  refs = [reference('previous'), reference('extra', 'image/jpeg')],
) => geminiRequestBody(task as unknown as Task, refs, p);

describe('the Gemini body for an edit that continues a chain', () => {
  it('replays the previous turn with its signature, and sends only the other references anew', () => {
    expect(body(parent).contents).toEqual([
      { role: 'user', parts: [{ text: 'make it night' }] },
      { role: 'model', parts: [{ ...inline('previous'), thought_signature: 'c2ln' }] },
      { role: 'user', parts: [{ text: 'add fog' }, inline('extra', 'image/jpeg')] },
    ]);
  });

  it('sends the previous image as a plain reference without a signature, on another model or provider', () => {
    const single = [
      {
        role: 'user',
        parts: [{ text: 'add fog' }, inline('previous'), inline('extra', 'image/jpeg')],
      },
    ];
    expect(body(null).contents).toEqual(single);
    expect(body({ ...parent, thoughtSignature: null }).contents).toEqual(single);
    expect(body({ ...parent, model: 'gemini-3-pro-image' }).contents).toEqual(single);
    expect(body({ ...parent, provider: 'kie' }).contents).toEqual(single);
    expect(body(parent, []).contents).toEqual([{ role: 'user', parts: [{ text: 'add fog' }] }]);
  });
});
