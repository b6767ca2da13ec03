/** What the fake KIE accepts in `input`, model by model, as KIE's model pages document it. */
interface FakeKieModel {
  required: string[];
  maxPrompt: number;
  enums?: Record<string, readonly string[]>;
  /** Integer fields and their bounds. */
  ints?: Record<string, readonly [number, number]>;
  bools?: string[];
  references?: { field: string; max: number };
  /** How many result URLs a task makes. */
  images?: (input: Record<string, unknown>) => number;
}

const ratios = ['1:1', '9:16', '16:9', '3:4', '4:3', '3:2', '2:3', '5:4', '4:5', '21:9', 'auto'];
const sizes = ['1K', '2K', '4K'];
const v4Sizes = [
  'square',
  'square_hd',
  'portrait_4_3',
  'portrait_3_2',
  'portrait_16_9',
  'landscape_4_3',
  'landscape_3_2',
  'landscape_16_9',
  'landscape_21_9',
];
const v45Ratios = ['1:1', '4:3', '3:4', '16:9', '9:16', '2:3', '3:2', '21:9'];

const flash25 = (edit: boolean): FakeKieModel => ({
  required: edit ? ['prompt', 'image_urls'] : ['prompt'],
  maxPrompt: 5000,
  enums: edit
    ? { output_format: ['png', 'jpeg'], aspect_ratio: ratios }
    : { output_format: ['png', 'jpeg'], aspect_ratio: ratios, image_size: ratios },
  ...(edit ? { references: { field: 'image_urls', max: 10 } } : { bools: ['nsfw_checker'] }),
});

const seedreamV4 = (edit: boolean): FakeKieModel => ({
  required: edit ? ['prompt', 'image_urls'] : ['prompt'],
  maxPrompt: 5000,
  enums: { image_size: v4Sizes, image_resolution: sizes },
  ints: { max_images: [1, 6], seed: [-2_147_483_648, 2_147_483_647] },
  bools: ['nsfw_checker'],
  ...(edit ? { references: { field: 'image_urls', max: 10 } } : {}),
  images: (input) => (typeof input.max_images === 'number' ? input.max_images : 1),
});

const seedream45 = (edit: boolean): FakeKieModel => ({
  required: edit
    ? ['prompt', 'aspect_ratio', 'quality', 'image_urls']
    : ['prompt', 'aspect_ratio', 'quality'],
  maxPrompt: 3000,
  enums: { aspect_ratio: v45Ratios, quality: ['basic', 'high'] },
  bools: ['nsfw_checker'],
  ...(edit ? { references: { field: 'image_urls', max: 14 } } : {}),
});

export const fakeKieModels: Record<string, FakeKieModel> = {
  'google/nano-banana': flash25(false),
  'google/nano-banana-edit': flash25(true),
  'nano-banana-pro': {
    required: ['prompt'],
    maxPrompt: 10_000,
    enums: { aspect_ratio: ratios, resolution: sizes, output_format: ['png', 'jpg'] },
    references: { field: 'image_input', max: 8 },
  },
  'nano-banana-2': {
    required: ['prompt'],
    maxPrompt: 20_000,
    enums: {
      aspect_ratio: [...ratios, '1:4', '4:1', '1:8', '8:1'],
      resolution: sizes,
      output_format: ['jpg', 'png'],
    },
    bools: ['google_search'],
    references: { field: 'image_input', max: 14 },
  },
  'bytedance/seedream-v4-text-to-image': seedreamV4(false),
  'bytedance/seedream-v4-edit': seedreamV4(true),
  'seedream/4.5-text-to-image': seedream45(false),
  'seedream/4.5-edit': seedream45(true),
};

/** A refusal as KIE words it: `{code, msg}` in the envelope. */
export interface KieRefusal {
  code: number;
  msg: string;
}

/** Why KIE would refuse this `input` for `model`, or undefined when it takes it. */
export function refuseKieInput(
  model: FakeKieModel,
  input: Record<string, unknown>,
): KieRefusal | undefined {
  // A missing required field is a 500 on KIE, though it is the caller's mistake.
  const missing = model.required.find((field) => {
    const value = input[field];
    return value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
  });
  if (missing) return { code: 500, msg: `${missing} is required` };
  const invalid = (msg: string): KieRefusal => ({ code: 422, msg });
  if (typeof input.prompt !== 'string') return invalid('prompt must be a string');
  if (input.prompt.length > model.maxPrompt)
    return invalid(`prompt must be at most ${model.maxPrompt} characters`);
  for (const [field, allowed] of Object.entries(model.enums ?? {})) {
    const value = input[field];
    if (value !== undefined && (typeof value !== 'string' || !allowed.includes(value)))
      return invalid(`${field} must be one of ${allowed.join(', ')}`);
  }
  for (const [field, [min, max]] of Object.entries(model.ints ?? {})) {
    const value = input[field];
    if (
      value !== undefined &&
      (!Number.isInteger(value) || Number(value) < min || Number(value) > max)
    )
      return invalid(`${field} must be an integer from ${min} to ${max}`);
  }
  for (const field of model.bools ?? []) {
    if (input[field] !== undefined && typeof input[field] !== 'boolean')
      return invalid(`${field} must be a boolean`);
  }
  const refs = model.references;
  if (refs && input[refs.field] !== undefined) {
    const urls = input[refs.field];
    if (!Array.isArray(urls) || !urls.every((u) => typeof u === 'string'))
      return invalid(`${refs.field} must be a list of URLs`);
    if (urls.length > refs.max) return invalid(`${refs.field} takes at most ${refs.max} images`);
  }
  return undefined;
}
