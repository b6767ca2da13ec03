/**
 * Downloads images as one ZIP: a plain form POST, so the browser streams the archive to disk
 * instead of holding it in memory.
 */
export function downloadZip(ids: string[]): void {
  const form = document.createElement('form');
  form.method = 'POST';
  form.action = '/api/export/zip';
  form.style.display = 'none';
  const field = document.createElement('input');
  field.type = 'hidden';
  field.name = 'ids';
  field.value = ids.join(',');
  form.append(field);
  document.body.append(form);
  form.submit();
  form.remove();
}
