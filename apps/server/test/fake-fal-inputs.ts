import { z } from 'zod';
import { decodeDataUri } from './read-body';

/**
 * What fal's nano-banana endpoints accept, written from fal's model API pages (not from
 * genhub's adapter). Unknown fields are ignored, as fal's input models do.
 */
const ratios = ['21:9', '16:9', '3:2', '4:3', '5:4', '1:1', '4:5', '3:4', '2:3', '9:16'] as const;
const extreme = ['4:1', '1:4', '8:1', '1:8'] as const;

/** fal documents no data-URI limit; the fake draws the line here (genhub uploads above 1 MB). */
export const falDataUriLimitBytes = 10 * 1024 * 1024;

interface EndpointSpec {
  ratios: readonly string[];
  resolutions?: readonly string[];
  edit?: boolean;
  nanoBanana2?: boolean;
}

function endpoint(spec: EndpointSpec, knownFile: (url: string) => boolean) {
  const imageUrl = z.string().superRefine((url, ctx) => {
    if (url.startsWith('data:')) {
      const decoded = decodeDataUri(url);
      if (!decoded) ctx.addIssue({ code: 'custom', message: 'invalid data URI' });
      else if (decoded.bytes.length > falDataUriLimitBytes)
        ctx.addIssue({ code: 'custom', message: 'data URI too large; upload the file instead' });
      return;
    }
    if (!/^https?:\/\//.test(url) || !knownFile(url))
      ctx.addIssue({ code: 'custom', message: `Failed to download the file: ${url.slice(0, 60)}` });
  });
  return z.object({
    prompt: z.string(),
    num_images: z.number().int().min(1).max(4).optional(),
    seed: z.number().int().optional(),
    aspect_ratio: z.enum(spec.ratios).optional(),
    output_format: z.enum(['jpeg', 'png', 'webp']).optional(),
    safety_tolerance: z.enum(['1', '2', '3', '4', '5', '6']).optional(),
    sync_mode: z.boolean().optional(),
    limit_generations: z.boolean().optional(),
    ...(spec.resolutions ? { resolution: z.enum(spec.resolutions).optional() } : {}),
    ...(spec.nanoBanana2
      ? {
          enable_web_search: z.boolean().optional(),
          thinking_level: z.enum(['minimal', 'high']).optional(),
        }
      : {}),
    ...(spec.edit ? { image_urls: z.array(imageUrl).min(1) } : {}),
  });
}

/** The queue endpoints the fake serves, by path; `knownFile` says whether a URL can be fetched. */
export function falEndpoints(knownFile: (url: string) => boolean) {
  const banana = { ratios };
  const bananaEdit = { ratios: [...ratios, 'auto'], edit: true };
  const pro = { ratios, resolutions: ['1K', '2K', '4K'] };
  const two = {
    ratios: ['auto', ...ratios, ...extreme],
    resolutions: ['0.5K', '1K', '2K', '4K'],
    nanoBanana2: true,
  };
  return new Map<string, z.ZodType<Record<string, unknown>>>([
    ['fal-ai/nano-banana', endpoint(banana, knownFile)],
    ['fal-ai/nano-banana/edit', endpoint(bananaEdit, knownFile)],
    ['fal-ai/nano-banana-pro', endpoint(pro, knownFile)],
    ['fal-ai/nano-banana-pro/edit', endpoint({ ...pro, ...bananaEdit }, knownFile)],
    ['fal-ai/nano-banana-2', endpoint(two, knownFile)],
    ['fal-ai/nano-banana-2/edit', endpoint({ ...two, edit: true }, knownFile)],
  ]);
}

/** A zod failure the way fal's FastAPI answers one: a 422 `detail` list. */
export function falValidationDetail(issues: z.core.$ZodIssue[], body: Record<string, unknown>) {
  return issues.map((issue) => {
    const loc = ['body', ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    const top = issue.path[0];
    if (issue.code === 'invalid_type' && typeof top === 'string' && body[top] === undefined)
      return { loc, msg: 'field required', type: 'value_error.missing' };
    if (issue.code === 'invalid_value') {
      const permitted = issue.values.map((v) => `'${String(v)}'`).join(', ');
      return {
        loc,
        msg: `value is not a valid enumeration member; permitted: ${permitted}`,
        type: 'type_error.enum',
        ctx: { enum_values: issue.values },
      };
    }
    return { loc, msg: issue.message, type: 'value_error' };
  });
}
