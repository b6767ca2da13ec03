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
export { storeVideo, defaultMaxVideoBytes, type StoreVideoOptions } from './store-video';
export { downloadVideo, defaultVideoDownloadPolicy } from './download-video';
export { openDownload, type OpenedDownload } from './download-image';
export { probeVideo, type VideoFacts } from './probe-video';
export { sniffVideo } from './sniff-video';
export type { StoredMedia, StoredVideo } from './stored-media';
