/**
 * Copies `text` to the clipboard. Without the Clipboard API (a page served over plain http
 * from another machine), selects `fallback`'s text and asks the browser to copy it.
 */
export async function copyText(text: string, fallback: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!fallback) return false;
    fallback.select();
    // Deprecated, and the only way left on an insecure origin.
    return document.execCommand('copy');
  }
}
