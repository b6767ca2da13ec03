import type { Asset } from '@genhub/core/schemas';

/** Uploads one reference image; rejects with the server's message. */
export async function uploadAsset(file: File): Promise<Asset> {
  const form = new FormData();
  form.append('file', file);
  const res = await fetch('/api/assets', { method: 'POST', body: form });
  const body = (await res.json().catch(() => null)) as
    (Asset & { error?: { message: string } }) | null;
  if (!res.ok || !body) throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
  return body;
}
