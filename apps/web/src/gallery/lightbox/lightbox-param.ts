/** Which image the lightbox shows, as it lives in the URL (`?open=<task id>&image=<1-based>`). */
export interface LightboxParam {
  taskId: string;
  /** 0-based index into the task's generations. */
  index: number;
}

const openKey = 'open';
const imageKey = 'image';

/** The open image named by a query string, or null; a missing or bad `image` means the first. */
export function lightboxFromSearch(search: string): LightboxParam | null {
  const params = new URLSearchParams(search);
  const taskId = params.get(openKey)?.trim();
  if (!taskId) return null;
  const image = Number(params.get(imageKey));
  const index = Number.isInteger(image) && image >= 1 ? image - 1 : 0;
  return { taskId, index };
}

/** The query string with the lightbox set (or removed, for null); other params are kept. */
export function lightboxToSearch(search: string, open: LightboxParam | null): string {
  const params = new URLSearchParams(search);
  params.delete(openKey);
  params.delete(imageKey);
  if (open) {
    params.set(openKey, open.taskId);
    if (open.index > 0) params.set(imageKey, String(open.index + 1));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
