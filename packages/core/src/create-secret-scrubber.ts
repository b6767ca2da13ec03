/** What a secret is replaced with. */
export const redacted = '[redacted]';

/** Shorter values are not secrets worth the name, and replacing them would garble every line. */
const minSecretLength = 6;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The ways a vendor, a URL or a log line may spell a text secret. */
function spellings(secret: string): string[] {
  const encoded = encodeURIComponent(secret);
  return [
    secret,
    encoded,
    encoded.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
    encoded.replaceAll('%20', '+'),
    JSON.stringify(secret).slice(1, -1),
    // Twice escaped: a JSON body quoted inside a JSON log line.
    JSON.stringify(JSON.stringify(secret).slice(1, -1)).slice(1, -1),
    Buffer.from(secret).toString('base64'),
    Buffer.from(secret).toString('base64url'),
    // A Standard Webhooks secret is `whsec_` + base64: its key part alone is the secret too.
    ...(secret.startsWith('whsec_') ? [secret.slice('whsec_'.length)] : []),
  ];
}

/** The ways binary key material can appear as text. */
const binarySpellings = (secret: Buffer) => [
  secret.toString('hex'),
  secret.toString('hex').toUpperCase(),
  secret.toString('base64'),
  secret.toString('base64url'),
];

/**
 * A function that replaces every configured secret (provider keys and tokens, webhook
 * secrets, the data dir's signing key) in a text, in each form it may take: as is,
 * URL-encoded, JSON-escaped, base64 (so also inside `Bearer <key>`, `Key <key>`, a query
 * string or a quoted body). Text from outside (a provider's error) passes through it before
 * it is stored, logged or pushed.
 */
export function createSecretScrubber(
  secrets: readonly (string | Buffer | null | undefined)[],
): (text: string) => string {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (!secret) continue;
    for (const form of typeof secret === 'string' ? spellings(secret) : binarySpellings(secret)) {
      if (form.length >= minSecretLength) forms.add(form);
    }
  }
  if (forms.size === 0) return (text) => text;
  // Longest first, so that a secret inside a longer form is not half replaced.
  const pattern = new RegExp(
    [...forms]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|'),
    'g',
  );
  return (text) => text.replace(pattern, redacted);
}
