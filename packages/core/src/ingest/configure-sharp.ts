import sharp from 'sharp';

/**
 * A server works on many images at once: one libvips thread per image, with the
 * parallelism across images (libuv's pool), beats several threads per image on two cores.
 */
export function configureSharp(): void {
  sharp.concurrency(1);
}
