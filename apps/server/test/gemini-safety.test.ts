import { describe, expect, it } from 'vitest';
import { postJson } from './direct-generate';
import { startFakeGemini } from './fake-gemini';
import { quickRetries, useFakeVendor } from './fake-vendor-suite';

const categories = [
  'HARM_CATEGORY_HARASSMENT',
  'HARM_CATEGORY_HATE_SPEECH',
  'HARM_CATEGORY_SEXUALLY_EXPLICIT',
  'HARM_CATEGORY_DANGEROUS_CONTENT',
];

describe('Gemini API safety settings against its strict fake', () => {
  const vendor = useFakeVendor(
    'gemini',
    startFakeGemini,
    (fake) => ({ GEMINI_API_KEY: fake.state.apiKey, GEMINI_BASE_URL: fake.url }),
    { scheduler: quickRetries },
  );
  const lastBody = () => vendor.fake.state.requests.at(-1)?.body;

  it.each([
    ['strict', 'BLOCK_LOW_AND_ABOVE'],
    ['balanced', 'BLOCK_MEDIUM_AND_ABOVE'],
    ['permissive', 'BLOCK_ONLY_HIGH'],
  ] as const)('sends %s as %s for every harm category', async (safety, threshold) => {
    const done = await vendor.run({ model: 'gemini-3-pro-image', prompt: 'a harbour', safety });
    expect(done).toMatchObject({ status: 'completed', safety });
    expect(lastBody()?.safetySettings).toEqual(
      categories.map((category) => ({ category, threshold })),
    );
  });

  it("sends no safety settings without a level, leaving Google's defaults", async () => {
    const done = await vendor.run({ model: 'gemini-3-pro-image', prompt: 'a harbour' });
    expect(done).toMatchObject({ status: 'completed', safety: null });
    expect(lastBody()).not.toHaveProperty('safetySettings');
  });

  it('the fake refuses unknown categories, thresholds and fields as Google does', async () => {
    const url = `${vendor.fake.url}/v1beta/models/gemini-3-pro-image:generateContent`;
    const key = { 'x-goog-api-key': vendor.fake.state.apiKey };
    const send = (safetySettings: unknown) =>
      postJson(url, { contents: [{ parts: [{ text: 'x' }] }], safetySettings }, key);
    const refused = (message: string) => ({
      status: 400,
      body: { error: { code: 400, status: 'INVALID_ARGUMENT', message } },
    });

    expect(
      await send([{ category: 'HARM_CATEGORY_TOXICITY', threshold: 'BLOCK_ONLY_HIGH' }]),
    ).toMatchObject(refused(expect.stringContaining("'safety_settings[0].category'") as string));
    expect(
      await send([
        { category: 'HARM_CATEGORY_HARASSMENT', threshold: 'BLOCK_ONLY_HIGH' },
        { category: 'HARM_CATEGORY_HATE_SPEECH', threshold: 'BLOCK_SOME' },
      ]),
    ).toMatchObject(refused(expect.stringContaining("'safety_settings[1].threshold'") as string));
    expect(
      await send([
        { category: 'HARM_CATEGORY_HARASSMENT', threshold: 'BLOCK_ONLY_HIGH', method: 'SEVERITY' },
      ]),
    ).toMatchObject(refused(expect.stringContaining('Unknown name "method"') as string));
    expect(await send({ category: 'HARM_CATEGORY_HARASSMENT' })).toMatchObject(
      refused(expect.stringContaining("'safety_settings'") as string),
    );
    // The shape genhub sends is taken.
    const taken = await send(
      categories.map((category) => ({ category, threshold: 'BLOCK_MEDIUM_AND_ABOVE' })),
    );
    expect(taken.status).toBe(200);
  });
});
