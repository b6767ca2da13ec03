/** The variables that choose the S3-compatible store: all of them, or none. */
export const requiredS3Variables = [
  'S3_ENDPOINT',
  'S3_BUCKET',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
] as const;

type S3Variables = Partial<
  Record<(typeof requiredS3Variables)[number] | 'S3_PUBLIC_URL', string | undefined>
>;

/** What is wrong with the S3 variables taken together, or null when they fit. */
export function s3ConfigurationProblem(vars: S3Variables): string | null {
  const set = requiredS3Variables.filter((name) => vars[name] !== undefined);
  if (set.length === 0) {
    return vars.S3_PUBLIC_URL === undefined
      ? null
      : `S3_PUBLIC_URL: set it only with ${requiredS3Variables.join(', ')}`;
  }
  if (set.length === requiredS3Variables.length) return null;
  const missing = requiredS3Variables.filter((name) => vars[name] === undefined);
  return `S3: ${requiredS3Variables.join(', ')} go together (set: ${set.join(', ')}; missing: ${missing.join(', ')})`;
}
