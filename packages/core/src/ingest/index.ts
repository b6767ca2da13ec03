export { sniffImage, type ImageMime } from './sniff-image';
export { storeImage, thumbnailMaxSide, type StoredImage } from './store-image';
export { configureSharp } from './configure-sharp';
export { downloadImage, defaultDownloadPolicy, type DownloadPolicy } from './download-image';
export { isPublicAddress } from './address-policy';
