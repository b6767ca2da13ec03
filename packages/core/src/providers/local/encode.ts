import type { Sharp } from 'sharp';
import type { OutputFormat } from '../../schemas';

export function encode(image: Sharp, format: OutputFormat): Promise<Buffer> {
  switch (format) {
    case 'png':
      return image.png({ compressionLevel: 6 }).toBuffer();
    case 'jpeg':
      return image.jpeg({ quality: 90, mozjpeg: false }).toBuffer();
    case 'webp':
      return image.webp({ quality: 90 }).toBuffer();
  }
}
