import { operationRules } from '@genhub/core';
import type { FastifyRequest } from 'fastify';
import { readUpload } from '../routes/read-upload';
import { invalidParam, OpenAiError } from './openai-error';
import type { UploadLimit } from './upload-limit-of';

export interface EditForm {
  /** The text fields as sent (the last of a repeated one). */
  fields: Map<string, string>;
  images: { bytes: Buffer; name: string }[];
  /** Whether a mask came, which genhub cannot use. */
  mask: boolean;
}

/** OpenAI's SDKs send one image as `image`, several as `image[]`. */
const imageFields = new Set(['image', 'image[]']);
const maxImages = operationRules.edit.references.max;

const tooLarge = (limit: UploadLimit) =>
  new OpenAiError(413, 'invalid_request_error', 'image_too_large', limit.message, 'image');

/** An edit's multipart form: every image read within the user's upload limit, and the fields. */
export async function readEditForm(req: FastifyRequest, limit: UploadLimit): Promise<EditForm> {
  if (!req.isMultipart()) {
    throw new OpenAiError(
      415,
      'invalid_request_error',
      'unsupported_media_type',
      'Send multipart/form-data: the images in "image" (or "image[]"), the other fields beside them',
    );
  }
  const errors = req.server.multipartErrors;
  const form: EditForm = { fields: new Map(), images: [], mask: false };
  try {
    const parts = req.parts({
      limits: { fileSize: limit.bytes, files: maxImages + 1, fields: 32, fieldSize: 64 * 1024 },
    });
    for await (const part of parts) {
      if (part.type === 'field') {
        if (part.valueTruncated)
          throw invalidParam(part.fieldname, `'${part.fieldname}' is too long`);
        form.fields.set(part.fieldname, typeof part.value === 'string' ? part.value : '');
        continue;
      }
      const bytes = await readUpload(part.file, limit.bytes);
      if (!bytes) throw tooLarge(limit);
      if (imageFields.has(part.fieldname)) form.images.push({ bytes, name: part.filename });
      else if (part.fieldname === 'mask') form.mask = true;
      else {
        throw invalidParam(
          part.fieldname,
          `Unexpected file in '${part.fieldname}': send images in "image" or "image[]"`,
        );
      }
    }
  } catch (error) {
    if (error instanceof OpenAiError) throw error;
    if (error instanceof errors.RequestFileTooLargeError) throw tooLarge(limit);
    if (error instanceof errors.FilesLimitError) {
      throw invalidParam('image', `Send at most ${maxImages} images`);
    }
    if (error instanceof errors.FieldsLimitError || error instanceof errors.PartsLimitError) {
      throw invalidParam('body', 'The form has too many fields');
    }
    req.log.warn({ err: error }, 'unreadable edit form');
    throw new OpenAiError(
      400,
      'invalid_request_error',
      'invalid_body',
      'The form could not be read',
    );
  }
  return form;
}
