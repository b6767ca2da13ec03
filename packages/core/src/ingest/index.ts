export { sniffImage, type ImageMime } from './sniff-image';
export { storeImage, thumbnailMaxSide, type StoredImage } from './store-image';
export { configureSharp } from './configure-sharp';
export {
  allowedHostKey,
  downloadImage,
  defaultDownloadPolicy,
  parseAllowedHost,
  type DownloadPolicy,
} from './download-image';
export { isPublicAddress } from './address-policy';
export { checkPixelCount, defaultMaxImagePixels } from './check-pixel-count';
export { decodeImage, undecodableMessage } from './decode-image';
export { hashBytes } from './hash-bytes';
