import { describe, expect, it } from 'vitest';
import { postJson } from './direct-generate';
import { startFakeGemini } from './fake-gemini';
import { authHeaders } from './test-server';
import { quickRetries, useFakeVendor } from './fake-vendor-suite';

describe('an edit chain on Gemini sends the conversation with its thought signatures', () => {
  const vendor = useFakeVendor(
    'gemini',
    startFakeGemini,
    (fake) => ({ GEMINI_API_KEY: fake.state.apiKey, GEMINI_BASE_URL: fake.url }),
    { scheduler: quickRetries },
  );
  const lastRequest = () => vendor.fake.state.requests.at(-1)!;
  /** A stored image's bytes as base64, read as a client reads it. */
  const base64Of = async (url: string) => {
    const res = await fetch(new URL(url, vendor.server.url), {
      headers: authHeaders(vendor.server.url),
    });
    return Buffer.from(await res.arrayBuffer()).toString('base64');
  };
  /** "Edit this" on a result: its image becomes the edit's first reference. */
  const editOf = async (generationId: string, prompt: string, model: string) => {
    const asset = await vendor.client.asset.fromGeneration.mutate({ generationId });
    return vendor.run({ operation: 'edit', model, prompt, assetIds: [asset.id] });
  };

  it('two edits in a row: each sends the previous prompt, then its image as the model turn with its signature', async () => {
    const model = 'gemini-3.1-flash-image';
    const root = await vendor.run({ model, prompt: 'a lighthouse', aspectRatio: '16:9' });
    expect(root.status).toBe('completed');
    const rootImage = root.generations[0]!;
    const [firstSignature] = vendor.fake.state.signatures.slice(-1);

    const one = await editOf(rootImage.id, 'make it night', model);
    expect(one.status).toBe('completed');
    expect(one.parentGenerationId).toBe(rootImage.id);
    expect(lastRequest().body.contents).toEqual([
      { role: 'user', parts: [{ text: 'a lighthouse' }] },
      {
        role: 'model',
        parts: [
          {
            inline_data: { mime_type: 'image/png', data: await base64Of(rootImage.url) },
            thought_signature: firstSignature,
          },
        ],
      },
      { role: 'user', parts: [{ text: 'make it night' }] },
    ]);

    const secondSignature = vendor.fake.state.signatures.at(-1);
    expect(secondSignature).not.toBe(firstSignature);
    const oneImage = one.generations[0]!;
    const two = await editOf(oneImage.id, 'add fog', model);
    expect(two.status).toBe('completed');
    expect(lastRequest().body.contents).toEqual([
      { role: 'user', parts: [{ text: 'make it night' }] },
      {
        role: 'model',
        parts: [
          {
            inline_data: { mime_type: 'image/png', data: await base64Of(oneImage.url) },
            thought_signature: secondSignature,
          },
        ],
      },
      { role: 'user', parts: [{ text: 'add fog' }] },
    ]);
    const chain = await vendor.client.task.chain.query({ taskId: two.id });
    expect(chain.nodes.map((n) => n.taskId)).toEqual([root.id, one.id, two.id]);
  });

  it('another model, or an upload, sends the previous image as an ordinary reference', async () => {
    const root = await vendor.run({ model: 'gemini-3.1-flash-image', prompt: 'a fox' });
    const image = root.generations[0]!;
    const other = await editOf(image.id, 'in snow', 'gemini-3-pro-image');
    expect(other.status).toBe('completed');
    expect(lastRequest().body.contents).toEqual([
      {
        role: 'user',
        parts: [
          { text: 'in snow' },
          { inline_data: { mime_type: 'image/png', data: await base64Of(image.url) } },
        ],
      },
    ]);
  });

  it('a signature Gemini no longer accepts: the edit is sent again with the image as a reference', async () => {
    const model = 'gemini-3.1-flash-image';
    const root = await vendor.run({ model, prompt: 'a harbour' });
    const image = root.generations[0]!;
    // As after a restart of the vendor's side: the signature it handed out is unknown now.
    vendor.fake.state.signatures.length = 0;
    const sent = vendor.fake.state.requests.length;
    const edit = await editOf(image.id, 'at dawn', model);
    expect(edit.status).toBe('completed');
    const [refused, plain] = vendor.fake.state.requests.slice(sent);
    expect(refused?.body.contents).toHaveLength(3);
    expect(plain?.body.contents).toEqual([
      {
        role: 'user',
        parts: [
          { text: 'at dawn' },
          { inline_data: { mime_type: 'image/png', data: await base64Of(image.url) } },
        ],
      },
    ]);
  });

  it('the fake refuses a model turn image without its signature, as Gemini 3 does', async () => {
    const url = `${vendor.fake.url}/v1beta/models/gemini-3.1-flash-image:generateContent`;
    const key = { 'x-goog-api-key': vendor.fake.state.apiKey };
    const image = { inline_data: { mime_type: 'image/png', data: 'iVBORw0KGgo=' } };
    const body = (part: Record<string, unknown>) => ({
      contents: [
        { role: 'user', parts: [{ text: 'a fox' }] },
        { role: 'model', parts: [part] },
        { role: 'user', parts: [{ text: 'in snow' }] },
      ],
    });
    expect(await postJson(url, body(image), key)).toMatchObject({
      status: 400,
      body: {
        error: {
          code: 400,
          status: 'INVALID_ARGUMENT',
          message: expect.stringContaining('missing a thought_signature') as unknown,
        },
      },
    });
    expect(await postJson(url, body({ ...image, thought_signature: 'forged' }), key)).toMatchObject(
      { status: 400, body: { error: { status: 'INVALID_ARGUMENT' } } },
    );
  });
});
