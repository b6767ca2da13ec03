import sharp from 'sharp';

/** The real format and size of encoded image bytes (base64 or raw). */
export async function imageInfo(image: string | Uint8Array) {
  const bytes = typeof image === 'string' ? Buffer.from(image, 'base64') : image;
  const { format, width, height } = await sharp(bytes).metadata();
  return { format, width, height, ratio: width / height };
}
