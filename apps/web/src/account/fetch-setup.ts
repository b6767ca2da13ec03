export const setupQueryKey = ['account', 'setup'] as const;

/** Whether this server still waits for its first admin (`GET /api/setup`). */
export async function fetchSetup(): Promise<{ needsAdmin: boolean }> {
  const response = await fetch('/api/setup', { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const body: unknown = await response.json();
  const needsAdmin =
    typeof body === 'object' && body !== null && 'needsAdmin' in body ? body.needsAdmin : null;
  if (typeof needsAdmin !== 'boolean') throw new Error('Unexpected reply from /api/setup');
  return { needsAdmin };
}
