import type { StoredImage } from './store-image';

/** A stored MP4: its file, its poster as the thumbnail, and its length. */
export interface StoredVideo extends Omit<StoredImage, 'mime'> {
  mime: 'video/mp4';
  durationMs: number;
}

/** What one generation of a task stores: an image, or a video with its poster. */
export type StoredMedia = StoredImage | StoredVideo;
