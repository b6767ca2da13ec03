import { z } from 'zod';
import { decodeDataUri } from './read-body';

/**
 * What the google/nano-banana models on Replicate accept, written from their API pages (not
 * from genhub's adapter). Fields a model does not have are ignored.
 */
const ratios = ['1:1', '2:3', '3:2', '3:4', '4:3', '4:5', '5:4', '9:16', '16:9', '21:9'] as const;
const extreme = ['1:4', '4:1', '1:8', '8:1'] as const;

/** Replicate recommends data URIs only under 1 MB; the fake refuses them over this. */
export const replicateDataUriLimitBytes = 10 * 1024 * 1024;

interface ModelSpec {
  ratios: readonly string[];
  resolutions?: readonly string[];
  maxImages?: number;
  safetyFilter?: boolean;
  search?: boolean;
}

function model(spec: ModelSpec, knownFile: (url: string) => boolean) {
  const image = z.string().superRefine((url, ctx) => {
    if (url.startsWith('data:')) {
      const decoded = decodeDataUri(url);
      if (!decoded) ctx.addIssue({ code: 'custom', message: 'is not a valid data URI' });
      else if (decoded.bytes.length > replicateDataUriLimitBytes)
        ctx.addIssue({ code: 'custom', message: 'data URI is too large: upload the file' });
      return;
    }
    if (!/^https?:\/\//.test(url)) ctx.addIssue({ code: 'custom', message: 'is not a URI' });
    else if (!knownFile(url)) ctx.addIssue({ code: 'custom', message: 'could not be downloaded' });
  });
  const images = z.array(image);
  return z.object({
    prompt: z.string(),
    image_input: spec.maxImages ? images.max(spec.maxImages).optional() : images.optional(),
    aspect_ratio: z.enum(spec.ratios).optional(),
    output_format: z.enum(['jpg', 'png']).optional(),
    ...(spec.resolutions ? { resolution: z.enum(spec.resolutions).optional() } : {}),
    ...(spec.safetyFilter
      ? {
          safety_filter_level: z
            .enum(['block_low_and_above', 'block_medium_and_above', 'block_only_high'])
            .optional(),
        }
      : {}),
    ...(spec.search
      ? { google_search: z.boolean().optional(), image_search: z.boolean().optional() }
      : {}),
  });
}

/** The models the fake serves, by `owner/name`; `knownFile` says whether a URL can be fetched. */
export function replicateModelInputs(knownFile: (url: string) => boolean) {
  const sized = { resolutions: ['1K', '2K', '4K'], maxImages: 14 };
  return new Map<string, z.ZodType<Record<string, unknown>>>([
    ['google/nano-banana', model({ ratios: ['match_input_image', ...ratios] }, knownFile)],
    [
      'google/nano-banana-pro',
      model({ ratios: ['match_input_image', ...ratios], ...sized, safetyFilter: true }, knownFile),
    ],
    [
      'google/nano-banana-2',
      model(
        { ratios: ['match_input_image', ...ratios, ...extreme], ...sized, search: true },
        knownFile,
      ),
    ],
  ]);
}

/** A zod failure the way Replicate words one: a line per field under "Input validation failed". */
export function replicateValidationDetail(
  issues: z.core.$ZodIssue[],
  input: Record<string, unknown>,
): string {
  return issues
    .map((issue) => {
      const [top] = issue.path;
      const field = ['input', ...issue.path.map(String)].join('.');
      if (issue.code === 'invalid_type' && typeof top === 'string' && input[top] === undefined)
        return `- input: ${top} is required`;
      if (issue.code === 'invalid_value') {
        const allowed = issue.values.map((v) => JSON.stringify(v)).join(', ');
        return `- ${field}: ${String(top)} must be one of the following: ${allowed}`;
      }
      return `- ${field}: ${issue.message}`;
    })
    .join('\n');
}
