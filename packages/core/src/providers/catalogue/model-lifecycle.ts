import type { ModelStatus } from '../../schemas';

export interface ModelLifecycle {
  status: ModelStatus;
  /** The shutdown day, `YYYY-MM-DD`; null when none is announced. */
  retiresOn: string | null;
  /** The vendor's successor; the chain is followed to an offered current model. */
  replacement: string | null;
}

/** Lifecycle facts by provider id, then model id. */
export type LifecycleTable = Readonly<Record<string, Readonly<Record<string, ModelLifecycle>>>>;

const retired = (retiresOn: string, replacement: string): ModelLifecycle => ({
  status: 'retired',
  retiresOn,
  replacement,
});

const deprecated = (replacement: string, retiresOn: string | null = null): ModelLifecycle => ({
  status: 'deprecated',
  retiresOn,
  replacement,
});

/**
 * The Gemini API's image ids (its deprecations page and changelog, December 2026).
 * `gemini-3.1-flash-image` has no shutdown date from Google; third parties name 2026-10-29,
 * unconfirmed, so it stays offered.
 */
const gemini: Record<string, ModelLifecycle> = {
  'gemini-2.5-flash-image-preview': retired('2026-01-15', 'gemini-2.5-flash-image'),
  'gemini-3-pro-image-preview': retired('2026-06-25', 'gemini-3-pro-image'),
  'gemini-3.1-flash-image-preview': retired('2026-06-25', 'gemini-3.1-flash-image'),
  'gemini-2.5-flash-image': retired('2026-10-02', 'gemini-nano-banana-2.1'),
  'gemini-3.1-flash-image': deprecated('gemini-nano-banana-2.1'),
};

/** OpenRouter routes the same Google models as `google/<gemini id>`. */
const openrouter = Object.fromEntries(
  Object.entries(gemini).map(([id, life]) => [
    `google/${id}`,
    { ...life, replacement: life.replacement && `google/${life.replacement}` },
  ]),
);

/**
 * What is known about each model's end of life. The resellers' `nano-banana` ids run Gemini
 * 2.5 Flash Image, which Google retired; whether they still answer is not confirmed, so they
 * stay offered, deprecated in favour of the reseller's Nano Banana 2.
 */
export const modelLifecycle: LifecycleTable = {
  gemini,
  openrouter,
  fal: {
    // One id a family: edits go to its `/edit` endpoint.
    'fal-ai/nano-banana': deprecated('fal-ai/nano-banana-2'),
  },
  replicate: {
    'google/nano-banana': deprecated('google/nano-banana-2'),
  },
  kie: {
    'google/nano-banana': deprecated('nano-banana-2'),
    'google/nano-banana-edit': deprecated('nano-banana-2'),
  },
};
