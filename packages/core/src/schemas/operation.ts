import { z } from 'zod';

export const operations = [
  'generate',
  'edit',
  'remove-background',
  'style-transfer',
  'enhance',
  'batch-edit',
  'text-to-video',
  'image-to-video',
] as const;
export const operation = z.enum(operations);
export type Operation = z.infer<typeof operation>;

/** The operations whose result is a video (an MP4 with a poster), not images. */
export const videoOperations = ['text-to-video', 'image-to-video'] as const;
export type VideoOperation = (typeof videoOperations)[number];
export const isVideoOperation = (op: Operation): op is VideoOperation =>
  (videoOperations as readonly Operation[]).includes(op);
/**
 * What a request that names no aspect ratio or time limit gets. No video model makes square
 * clips, and a clip takes minutes at the vendor (a 4K one up to ten).
 */
export const defaultAspectRatio = (op: Operation) =>
  isVideoOperation(op) ? ('16:9' as const) : ('1:1' as const);
export const defaultTimeoutSeconds = (op: Operation): number => (isVideoOperation(op) ? 1800 : 600);

/** The operations whose results are images. */
export const imageOperations: readonly Operation[] = operations.filter(
  (op) => !isVideoOperation(op),
);

/** What a task makes: the gallery's "video" filter, in the server's query and in the SPA. */
export const mediaKinds = ['image', 'video'] as const;
export type MediaKind = (typeof mediaKinds)[number];
export const mediaOf = (op: Operation): MediaKind => (isVideoOperation(op) ? 'video' : 'image');

/**
 * How image-to-video reads its images: `frames` takes the first frame (and optionally the
 * last); `reference` takes 1 to 3 pictures of what the clip should show, for 8-second clips.
 */
export const videoModes = ['frames', 'reference'] as const;
export type VideoMode = (typeof videoModes)[number];
/** Clip lengths in seconds; the last is the default. */
export const videoDurations = [4, 6, 8] as const;
export const defaultVideoDuration = 8;
/** Frames mode takes a first frame and at most a last one. */
export const maxVideoFrames = 2;

/** Seed 003: one batch edit takes at most this many images. */
export const maxBatchImages = 20;

export const enhancements = ['upscale', 'denoise', 'color'] as const;
export const upscaleFactors = [2, 4] as const;

/** Every operation's settings; each operation takes only its own (see `allowedOptions`). */
export const operationOptions = z
  .object({
    /** edit, style-transfer, batch-edit: how far from the reference the result may go. */
    strength: z.number().min(0.1).max(1).optional(),
    /** remove-background: also return the alpha mask as a second image. */
    returnMask: z.boolean().optional(),
    /** remove-background: feather the cut-out's edge. */
    edgeSmooth: z.boolean().optional(),
    enhancement: z.enum(enhancements).optional(),
    /** enhance with `upscale`: ×2 or ×4. */
    upscaleFactor: z
      .number()
      .int()
      .refine((n) => n === 2 || n === 4, 'Upscale by 2 or 4')
      .optional(),
    /** text-to-video, image-to-video: the clip's length in seconds (4, 6 or 8). */
    durationSeconds: z
      .number()
      .int()
      .refine(
        (n) => (videoDurations as readonly number[]).includes(n),
        `A clip is ${videoDurations.join(', ')} seconds long`,
      )
      .optional(),
    /** image-to-video: first (and last) frames, or reference pictures. */
    videoMode: z.enum(videoModes).optional(),
  })
  .strict();
export type OperationOptions = z.infer<typeof operationOptions>;

type OptionName = keyof OperationOptions;

interface OperationRule {
  /** How many reference images it takes. */
  references: { min: number; max: number; what: string };
  promptRequired: boolean;
  options: readonly OptionName[];
  /** The output follows the reference's shape; the request's aspect ratio does not apply. */
  shapedByInput: boolean;
}

export const operationRules: Record<Operation, OperationRule> = {
  generate: {
    references: { min: 0, max: 0, what: 'Text-to-image takes no reference images' },
    promptRequired: true,
    options: [],
    shapedByInput: false,
  },
  edit: {
    references: { min: 1, max: 16, what: 'Image-to-image needs 1 to 16 reference images' },
    promptRequired: true,
    options: ['strength'],
    shapedByInput: false,
  },
  'remove-background': {
    references: { min: 1, max: 1, what: 'Background removal takes exactly one image' },
    promptRequired: false,
    options: ['returnMask', 'edgeSmooth'],
    shapedByInput: true,
  },
  'style-transfer': {
    references: {
      min: 2,
      max: 2,
      what: 'Style transfer takes exactly two images: the content, then the style',
    },
    promptRequired: false,
    options: ['strength'],
    shapedByInput: true,
  },
  enhance: {
    references: { min: 1, max: 1, what: 'Enhance takes exactly one image' },
    promptRequired: false,
    options: ['enhancement', 'upscaleFactor'],
    shapedByInput: true,
  },
  'batch-edit': {
    references: {
      min: 1,
      max: maxBatchImages,
      what: `A batch edit takes 1 to ${maxBatchImages} images`,
    },
    promptRequired: true,
    options: ['strength'],
    shapedByInput: true,
  },
  'text-to-video': {
    references: { min: 0, max: 0, what: 'Text-to-video takes no images' },
    promptRequired: true,
    options: ['durationSeconds'],
    shapedByInput: false,
  },
  'image-to-video': {
    references: {
      min: 1,
      max: 3,
      what: 'Image-to-video takes a first frame (and a last one), or 1 to 3 reference images',
    },
    promptRequired: true,
    options: ['durationSeconds', 'videoMode'],
    shapedByInput: false,
  },
};

/** The settings an operation runs with: what was asked, else the defaults of seed 003. */
export function resolveOptions(op: Operation, options: OperationOptions = {}): OperationOptions {
  switch (op) {
    case 'edit':
    case 'batch-edit':
    case 'style-transfer':
      return { strength: options.strength ?? 0.8 };
    case 'remove-background':
      return { returnMask: options.returnMask ?? false, edgeSmooth: options.edgeSmooth ?? true };
    case 'enhance': {
      const enhancement = options.enhancement ?? 'upscale';
      return enhancement === 'upscale'
        ? { enhancement, upscaleFactor: options.upscaleFactor ?? 2 }
        : { enhancement };
    }
    case 'generate':
      return {};
    case 'text-to-video':
      return { durationSeconds: options.durationSeconds ?? defaultVideoDuration };
    case 'image-to-video':
      return {
        durationSeconds: options.durationSeconds ?? defaultVideoDuration,
        videoMode: options.videoMode ?? 'frames',
      };
  }
}

/** Only generate and edit take a `count`; the others make one image per input. */
export const takesCount = (op: Operation): boolean => op === 'generate' || op === 'edit';

/** How many images an operation makes: one per reference for a batch, two with a mask. */
export function expectedImages(
  op: Operation,
  count: number,
  references: number,
  options: OperationOptions,
): number {
  if (op === 'batch-edit') return references;
  if (op === 'remove-background') return options.returnMask ? 2 : 1;
  if (operationRules[op].shapedByInput) return 1;
  return count;
}

interface RuleInput {
  operation: Operation;
  prompt: string;
  count: number;
  outputFormat: string;
  assetIds?: string[] | undefined;
  options?: OperationOptions | undefined;
}

/** The cross-field rules of a request, each reported at the field it concerns. */
export function checkOperationRules(input: RuleInput, ctx: z.RefinementCtx): void {
  const rule = operationRules[input.operation];
  const refs = input.assetIds?.length ?? 0;
  if (refs < rule.references.min || refs > rule.references.max) {
    ctx.addIssue({ code: 'custom', path: ['assetIds'], message: rule.references.what });
  }
  if (rule.promptRequired && input.prompt.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['prompt'], message: 'Write a prompt' });
  }
  for (const name of Object.keys(input.options ?? {}) as OptionName[]) {
    if (!rule.options.includes(name)) {
      ctx.addIssue({
        code: 'custom',
        path: ['options', name],
        message: `"${input.operation}" does not take ${name}`,
      });
    }
  }
  if (
    input.options?.upscaleFactor !== undefined &&
    (input.options.enhancement ?? 'upscale') !== 'upscale'
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['options', 'upscaleFactor'],
      message: 'upscaleFactor goes with enhancement "upscale"',
    });
  }
  if (!takesCount(input.operation) && input.count !== 1) {
    ctx.addIssue({
      code: 'custom',
      path: ['count'],
      message: isVideoOperation(input.operation)
        ? `"${input.operation}" makes one clip a task; leave count at 1`
        : `"${input.operation}" makes one image per input image; leave count at 1`,
    });
  }
  if (input.operation === 'image-to-video') checkVideoMode(input, refs, ctx);
  if (input.operation === 'remove-background' && input.outputFormat === 'jpeg') {
    ctx.addIssue({
      code: 'custom',
      path: ['outputFormat'],
      message: 'A cut-out needs transparency: choose png or webp',
    });
  }
}

/** Image-to-video: two frames at most, or up to three references for an 8-second clip. */
function checkVideoMode(input: RuleInput, refs: number, ctx: z.RefinementCtx): void {
  const mode = input.options?.videoMode ?? 'frames';
  if (mode === 'frames' && refs > maxVideoFrames) {
    ctx.addIssue({
      code: 'custom',
      path: ['assetIds'],
      message: 'Frames mode takes a first frame and at most a last one; use reference mode for 3',
    });
  }
  const duration = input.options?.durationSeconds;
  if (mode === 'reference' && duration !== undefined && duration !== defaultVideoDuration) {
    ctx.addIssue({
      code: 'custom',
      path: ['options', 'durationSeconds'],
      message: `Reference images make ${defaultVideoDuration}-second clips only`,
    });
  }
}
